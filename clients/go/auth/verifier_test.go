package auth

import (
	"context"
	"encoding/base64"
	"errors"
	"sync"
	"testing"
	"time"
)

func newVerifier(t testing.TB, jwks *jwksServer, mod func(*Config)) *Verifier {
	t.Helper()
	cfg := Config{Issuer: testIssuer, JWKSURI: jwks.url(), ClientIDs: []string{testClientID}}
	if mod != nil {
		mod(&cfg)
	}
	v, err := NewVerifier(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func wantCheck(t *testing.T, err error, check Check) {
	t.Helper()
	if CheckOf(err) != check {
		t.Fatalf("want check %q, got %v", check, err)
	}
	if !errors.Is(err, &VerificationError{Check: check}) {
		t.Fatalf("errors.Is does not match %q", check)
	}
}

func TestVerifierAcceptsValidTokenAndSplitsClaims(t *testing.T) {
	k := newKey(t)
	v := newVerifier(t, newJWKSServer(t, k), func(c *Config) { c.Require = Requirement{Scopes: []string{"orders/read"}} })
	claims, err := v.Verify(context.Background(), token(t, k, map[string]any{"cognito:groups": []string{"ops", "admins"}}))
	if err != nil {
		t.Fatal(err)
	}
	if claims.ClientID != testClientID || claims.Subject != testClientID || len(claims.Scopes) != 2 || claims.Scopes[1] != "orders/write" || len(claims.Groups) != 2 || claims.Groups[0] != "ops" {
		t.Fatalf("claims: %+v", claims)
	}
}

func TestVerifierUsesCachedKeys(t *testing.T) {
	k := newKey(t)
	jwks := newJWKSServer(t, k)
	v := newVerifier(t, jwks, nil)
	for i := 0; i < 20; i++ {
		if _, err := v.Verify(context.Background(), token(t, k, nil)); err != nil {
			t.Fatal(err)
		}
	}
	if jwks.count() != 1 || v.JWKS().Fetches() != 1 {
		t.Fatalf("JWKS fetched %d times, want 1", jwks.count())
	}
}

func TestVerifierRejections(t *testing.T) {
	k, other := newKey(t), newKey(t)
	jwks := newJWKSServer(t, k)
	now := time.Now().Unix()
	header := func(alg string) string {
		return base64.RawURLEncoding.EncodeToString([]byte(`{"alg":"` + alg + `","kid":"` + k.kid + `"}`))
	}
	body := base64.RawURLEncoding.EncodeToString([]byte(`{"iss":"` + testIssuer + `","sub":"x","client_id":"` + testClientID + `","token_use":"access","exp":4000000000,"iat":1}`))
	cases := []struct {
		name  string
		token string
		req   Requirement
		check Check
	}{
		{"tampered signature", tamperSignature(token(t, k, nil)), Requirement{}, CheckSignature},
		{"forged payload", tamperPayload(token(t, k, nil), map[string]any{"scope": "orders/admin"}), Requirement{}, CheckSignature},
		{"other key under a listed kid", token(t, other, map[string]any{"kid": k.kid}), Requirement{}, CheckSignature},
		{"wrong issuer", token(t, k, map[string]any{"iss": "http://localhost:8080/us-east-1_Other"}), Requirement{}, CheckIssuer},
		{"expired", token(t, k, map[string]any{"iat": now - 3600, "exp": now - 10}), Requirement{}, CheckExpired},
		{"not valid yet", token(t, k, map[string]any{"nbf": now + 600}), Requirement{}, CheckNotYetValid},
		{"no exp", token(t, k, map[string]any{"exp": nil}), Requirement{}, CheckMalformed},
		{"no iat", token(t, k, map[string]any{"iat": nil}), Requirement{}, CheckMalformed},
		{"non-numeric iat", token(t, k, map[string]any{"iat": "yesterday"}), Requirement{}, CheckMalformed},
		{"id token", token(t, k, map[string]any{"token_use": "id"}), Requirement{}, CheckTokenUse},
		{"client not allowed", token(t, k, map[string]any{"client_id": "someotherclient00000000001"}), Requirement{}, CheckClientID},
		{"missing scope", token(t, k, nil), Requirement{Scopes: []string{"orders/read", "orders/delete"}}, CheckScope},
		{"no scope claim", token(t, k, map[string]any{"scope": nil}), Requirement{Scopes: []string{"orders/read"}}, CheckScope},
		{"not in group", token(t, k, map[string]any{"cognito:groups": []string{"readers"}}), Requirement{Groups: []string{"admins", "ops"}}, CheckGroup},
		{"no groups", token(t, k, nil), Requirement{Groups: []string{"admins"}}, CheckGroup},
		{"alg none", header("none") + "." + body + ".", Requirement{}, CheckAlgorithm},
		{"alg HS256", header("HS256") + "." + body + ".c2ln", Requirement{}, CheckAlgorithm},
		{"garbage", "not-a-jwt", Requirement{}, CheckMalformed},
		{"empty", "", Requirement{}, CheckMissingToken},
	}
	v := newVerifier(t, jwks, nil)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := v.VerifyFor(context.Background(), c.token, c.req)
			wantCheck(t, err, c.check)
		})
	}
}

func TestVerifierLeeway(t *testing.T) {
	k := newKey(t)
	now := time.Now().Unix()
	tok := token(t, k, map[string]any{"iat": now - 3600, "exp": now - 10})
	v := newVerifier(t, newJWKSServer(t, k), func(c *Config) { c.Leeway = 30 * time.Second })
	if _, err := v.Verify(context.Background(), tok); err != nil {
		t.Fatalf("within leeway: %v", err)
	}
}

func TestVerifierGroupsAnyOf(t *testing.T) {
	k := newKey(t)
	v := newVerifier(t, newJWKSServer(t, k), func(c *Config) { c.Require = Requirement{Groups: []string{"admins", "ops"}} })
	if _, err := v.Verify(context.Background(), token(t, k, map[string]any{"cognito:groups": []string{"ops"}})); err != nil {
		t.Fatal(err)
	}
}

func TestVerifierUnknownKidRefetchIsRateLimited(t *testing.T) {
	k, rotated, stranger := newKey(t), newKey(t), newKey(t)
	jwks := newJWKSServer(t, k)
	now := time.Now()
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	advance := func(d time.Duration) { mu.Lock(); now = now.Add(d); mu.Unlock() }
	v := newVerifier(t, jwks, func(c *Config) { c.Now = clock; c.MinRefetchInterval = 10 * time.Second })
	ctx := context.Background()
	if _, err := v.Verify(ctx, token(t, k, nil)); err != nil {
		t.Fatal(err)
	}
	jwks.setKeys(k, rotated) // the pool rotated
	advance(10 * time.Second)
	if _, err := v.Verify(ctx, token(t, rotated, nil)); err != nil {
		t.Fatalf("rotated key: %v", err)
	}
	if got := jwks.count(); got != 2 {
		t.Fatalf("an unknown kid should refetch once: %d fetches", got)
	}
	for i := 0; i < 5; i++ {
		_, err := v.Verify(ctx, token(t, stranger, nil))
		wantCheck(t, err, CheckUnknownKid)
	}
	if got := jwks.count(); got != 2 {
		t.Fatalf("unknown kids within the interval fetched: %d fetches", got)
	}
	advance(10 * time.Second)
	_, err := v.Verify(ctx, token(t, stranger, nil))
	wantCheck(t, err, CheckUnknownKid)
	if got := jwks.count(); got != 3 {
		t.Fatalf("after the interval one more fetch: %d fetches", got)
	}
}

func TestVerifierConcurrentMissesShareOneFetch(t *testing.T) {
	k := newKey(t)
	jwks := newJWKSServer(t, k)
	v := newVerifier(t, jwks, nil)
	tok := token(t, k, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 25)
	for i := 0; i < 25; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); _, err := v.Verify(context.Background(), tok); errs <- err }()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if jwks.count() != 1 {
		t.Fatalf("%d fetches, want 1", jwks.count())
	}
}

func TestVerifierJWKSUnavailable(t *testing.T) {
	k := newKey(t)
	jwks := newJWKSServer(t, k)
	jwks.failing = true
	_, err := newVerifier(t, jwks, nil).Verify(context.Background(), token(t, k, nil))
	wantCheck(t, err, CheckJWKSUnavailable)
}

func TestNewVerifierValidatesConfig(t *testing.T) {
	if _, err := NewVerifier(Config{Issuer: testIssuer}); err == nil {
		t.Fatal("no client ids accepted")
	}
	if _, err := NewVerifier(Config{Issuer: "us-east-1_X", ClientIDs: []string{testClientID}}); err == nil {
		t.Fatal("bad issuer accepted")
	}
}
