package auth

import (
	"context"
	"net/http"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"google.golang.org/grpc/credentials"
)

// ClientCredentials describes a service's own app client at the pool's token endpoint.
type ClientCredentials struct {
	// TokenURL is `${issuerBaseUrl}/${poolId}/oauth2/token` (discovery's token_endpoint).
	TokenURL     string
	ClientID     string
	ClientSecret string
	// Scopes requested; empty means all the client is allowed.
	Scopes []string
	// RefreshBefore: refresh this long before expiry (default 60s).
	RefreshBefore time.Duration
	// HTTPClient for the token endpoint (default http.DefaultClient with a 10s timeout).
	HTTPClient *http.Client
}

// NewTokenSource returns a cached client-credentials token source built on golang.org/x/oauth2's
// clientcredentials (RFC 6749 §4.4, HTTP Basic client auth): it fetches once, answers from memory,
// and refreshes RefreshBefore the expiry; oauth2.ReuseTokenSource holds a mutex across the refresh,
// so concurrent callers wait for one refresh instead of each starting their own.
func NewTokenSource(ctx context.Context, cc ClientCredentials) oauth2.TokenSource {
	cfg := &clientcredentials.Config{
		ClientID:     cc.ClientID,
		ClientSecret: cc.ClientSecret,
		TokenURL:     cc.TokenURL,
		Scopes:       cc.Scopes,
		AuthStyle:    oauth2.AuthStyleInHeader,
	}
	client := cc.HTTPClient
	if client == nil {
		client = &http.Client{Timeout: 10 * time.Second}
	}
	ctx = context.WithValue(context.WithoutCancel(ctx), oauth2.HTTPClient, client)
	return Cached(cfg.TokenSource(ctx), cc.RefreshBefore)
}

// Cached wraps any token source (e.g. one calling GetClientToken) in the same cache: one refresh at a
// time, RefreshBefore (default 60s) ahead of expiry.
func Cached(src oauth2.TokenSource, refreshBefore time.Duration) oauth2.TokenSource {
	if refreshBefore == 0 {
		refreshBefore = 60 * time.Second
	}
	return oauth2.ReuseTokenSourceWithExpiry(nil, src, refreshBefore)
}

// PerRPCCredentials attaches `authorization: Bearer <token>` from src to every call
// (grpc.WithPerRPCCredentials). requireTLS false allows plaintext loopback channels (tests, sidecars);
// keep it true anywhere a token could be sniffed.
func PerRPCCredentials(src oauth2.TokenSource, requireTLS bool) credentials.PerRPCCredentials {
	return &bearerCredentials{src: src, requireTLS: requireTLS}
}

type bearerCredentials struct {
	src        oauth2.TokenSource
	requireTLS bool
}

func (b *bearerCredentials) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	token, err := b.src.Token()
	if err != nil {
		return nil, err
	}
	return map[string]string{"authorization": "Bearer " + token.AccessToken}, nil
}

func (b *bearerCredentials) RequireTransportSecurity() bool { return b.requireTLS }
