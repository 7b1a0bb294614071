package auth

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// Requirement is what a caller must hold: every scope in Scopes, and one of Groups when Groups is set.
type Requirement struct {
	Scopes []string
	Groups []string
}

// Config configures a Verifier. Issuer and ClientIDs are required.
type Config struct {
	// Issuer is the pool's issuer, `${issuerBaseUrl}/${poolId}` (the iss of its tokens).
	Issuer string
	// JWKSURI defaults to Issuer + "/.well-known/jwks.json".
	JWKSURI string
	// ClientIDs are the app clients whose tokens are accepted (access: client_id; id: aud).
	ClientIDs []string
	// TokenUse is "access" (default) or "id".
	TokenUse string
	// Leeway is the clock skew allowed on exp/nbf/iat (default 5s).
	Leeway time.Duration
	// Require is the default requirement; VerifyFor overrides it per call.
	Require Requirement
	// MinRefetchInterval: at most one JWKS fetch per interval for unknown kids (default 10s).
	MinRefetchInterval time.Duration
	// MaxAge: keys older than this are refreshed in the background (default 1h).
	MaxAge time.Duration
	// HTTPClient fetches the JWKS (default: 5s timeout, no redirects).
	HTTPClient *http.Client
	// Now is injected by tests.
	Now func() time.Time
}

// Claims are the verified claims, with the Cognito ones typed and scope/groups split.
type Claims struct {
	Raw      jwt.MapClaims
	Subject  string
	ClientID string
	TokenUse string
	Scopes   []string
	Groups   []string
}

// HasScope reports whether the token was granted scope.
func (c *Claims) HasScope(scope string) bool { return slices.Contains(c.Scopes, scope) }

// Verifier checks the pool's JWTs locally: RS256 signature against the cached JWKS, iss, exp/nbf/iat
// with a small leeway, token_use, the client-id allow-list, then required scopes and groups. Each
// failure is a *VerificationError naming the check. Safe for concurrent use.
type Verifier struct {
	cfg       Config
	clientIDs map[string]bool
	jwks      *JWKSCache
	parser    *jwt.Parser
}

var issuerPattern = regexp.MustCompile(`^https?://[^/]+/.+`)

// NewVerifier validates cfg and returns a Verifier; no network call until the first token (or Refresh).
func NewVerifier(cfg Config) (*Verifier, error) {
	if !issuerPattern.MatchString(cfg.Issuer) {
		return nil, errors.New("auth: Issuer must be the pool's issuer URL (http(s)://host/poolId)")
	}
	if len(cfg.ClientIDs) == 0 {
		return nil, errors.New("auth: ClientIDs must list at least one app client id")
	}
	if cfg.TokenUse == "" {
		cfg.TokenUse = "access"
	}
	if cfg.TokenUse != "access" && cfg.TokenUse != "id" {
		return nil, errors.New(`auth: TokenUse must be "access" or "id"`)
	}
	if cfg.Leeway == 0 {
		cfg.Leeway = 5 * time.Second
	}
	if cfg.JWKSURI == "" {
		cfg.JWKSURI = strings.TrimRight(cfg.Issuer, "/") + "/.well-known/jwks.json"
	}
	if cfg.MinRefetchInterval == 0 {
		cfg.MinRefetchInterval = 10 * time.Second
	}
	if cfg.MaxAge == 0 {
		cfg.MaxAge = time.Hour
	}
	if cfg.HTTPClient == nil {
		cfg.HTTPClient = &http.Client{Timeout: 5 * time.Second, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	ids := make(map[string]bool, len(cfg.ClientIDs))
	for _, id := range cfg.ClientIDs {
		ids[id] = true
	}
	return &Verifier{
		cfg:       cfg,
		clientIDs: ids,
		jwks:      newJWKSCache(cfg.JWKSURI, cfg.HTTPClient, cfg.MinRefetchInterval, cfg.MaxAge, cfg.Now),
		parser: jwt.NewParser(
			jwt.WithIssuer(cfg.Issuer),
			jwt.WithLeeway(cfg.Leeway),
			jwt.WithExpirationRequired(),
			jwt.WithIssuedAt(),
			jwt.WithTimeFunc(cfg.Now),
		),
	}, nil
}

// JWKS is the verifier's key cache (Refresh it at start-up; Fetches counts requests).
func (v *Verifier) JWKS() *JWKSCache { return v.jwks }

// Verify checks token against the configured default requirement.
func (v *Verifier) Verify(ctx context.Context, token string) (*Claims, error) {
	return v.VerifyFor(ctx, token, v.cfg.Require)
}

// VerifyFor checks token against req instead of the default requirement.
func (v *Verifier) VerifyFor(ctx context.Context, token string, req Requirement) (*Claims, error) {
	if token == "" {
		return nil, fail(CheckMissingToken, "no token")
	}
	if len(token) > 16384 {
		return nil, fail(CheckMalformed, "token is too long")
	}
	raw := jwt.MapClaims{}
	_, err := v.parser.ParseWithClaims(token, raw, func(t *jwt.Token) (any, error) {
		// The algorithm is checked here, before any key is chosen: only RS256 (no none, no HS256 with the public key).
		if t.Method == nil || t.Method.Alg() != "RS256" {
			return nil, fail(CheckAlgorithm, "token is not signed with RS256")
		}
		kid, _ := t.Header["kid"].(string)
		return v.jwks.Key(ctx, kid)
	})
	if err != nil {
		return nil, asVerificationError(err)
	}
	claims, verr := v.claimsOf(raw)
	if verr != nil {
		return nil, verr
	}
	if err := Authorize(claims, req); err != nil {
		return nil, err
	}
	return claims, nil
}

// Authorize returns a scope or group VerificationError unless claims meet req.
func Authorize(claims *Claims, req Requirement) error {
	var missing []string
	for _, s := range req.Scopes {
		if !claims.HasScope(s) {
			missing = append(missing, s)
		}
	}
	if len(missing) > 0 {
		return fail(CheckScope, "token lacks required scope(s): "+strings.Join(missing, " "))
	}
	if len(req.Groups) > 0 && !slices.ContainsFunc(req.Groups, func(g string) bool { return slices.Contains(claims.Groups, g) }) {
		return fail(CheckGroup, "token is in none of the required groups: "+strings.Join(req.Groups, " "))
	}
	return nil
}

func (v *Verifier) claimsOf(raw jwt.MapClaims) (*Claims, error) {
	// golang-jwt checks iat only when present; the pool's tokens always carry it, so one without is not ours.
	if _, ok := raw["iat"].(float64); !ok {
		return nil, fail(CheckMalformed, "token has no iat")
	}
	if use, _ := raw["token_use"].(string); use != v.cfg.TokenUse {
		return nil, fail(CheckTokenUse, "token_use is not "+v.cfg.TokenUse)
	}
	var clientID string
	if v.cfg.TokenUse == "access" {
		clientID, _ = raw["client_id"].(string)
	} else {
		clientID, _ = raw["aud"].(string)
	}
	if !v.clientIDs[clientID] {
		return nil, fail(CheckClientID, "token was issued to a client that is not allowed")
	}
	sub, _ := raw["sub"].(string)
	if sub == "" {
		return nil, fail(CheckMalformed, "token has no sub")
	}
	c := &Claims{Raw: raw, Subject: sub, ClientID: clientID, TokenUse: v.cfg.TokenUse}
	if scope, ok := raw["scope"].(string); ok {
		c.Scopes = strings.Fields(scope)
	}
	if groups, ok := raw["cognito:groups"].([]any); ok {
		for _, g := range groups {
			if s, ok := g.(string); ok {
				c.Groups = append(c.Groups, s)
			}
		}
	}
	return c, nil
}

// asVerificationError maps golang-jwt's errors onto our checks; ours (from the key lookup) pass through.
func asVerificationError(err error) *VerificationError {
	var ours *VerificationError
	switch {
	case errors.As(err, &ours):
		return ours
	case errors.Is(err, jwt.ErrTokenSignatureInvalid):
		return fail(CheckSignature, "token signature is invalid")
	case errors.Is(err, jwt.ErrTokenExpired):
		return fail(CheckExpired, "token has expired")
	case errors.Is(err, jwt.ErrTokenNotValidYet), errors.Is(err, jwt.ErrTokenUsedBeforeIssued):
		return fail(CheckNotYetValid, "token is not valid yet")
	case errors.Is(err, jwt.ErrTokenInvalidIssuer):
		return fail(CheckIssuer, "token was issued by another issuer")
	case errors.Is(err, jwt.ErrTokenRequiredClaimMissing), errors.Is(err, jwt.ErrTokenInvalidClaims):
		return fail(CheckMalformed, fmt.Sprintf("token claims are invalid: %v", err))
	default:
		return fail(CheckMalformed, "token is not a well-formed JWT")
	}
}
