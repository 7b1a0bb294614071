package auth

import (
	"context"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"strings"
	"testing"
)

// BenchmarkVerify: the verifier's cost per call with a cached JWKS (signature, iss, exp, token_use,
// client id, scope). Run by scripts/sdk/bench-verifier.sh.
func BenchmarkVerify(b *testing.B) {
	k := newKey(b)
	jwks := newJWKSServer(b, k)
	v, err := NewVerifier(Config{Issuer: testIssuer, JWKSURI: jwks.url(), ClientIDs: []string{testClientID}, Require: Requirement{Scopes: []string{"orders/read"}}})
	if err != nil {
		b.Fatal(err)
	}
	tok := token(b, k, nil)
	ctx := context.Background()
	if _, err := v.Verify(ctx, tok); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := v.Verify(ctx, tok); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if jwks.count() != 1 {
		b.Fatalf("%d JWKS fetches", jwks.count())
	}
}

// BenchmarkRS256Floor: one RS256 signature check of the same kind of token with crypto/rsa, the floor
// BenchmarkVerify is compared against.
func BenchmarkRS256Floor(b *testing.B) {
	k := newKey(b)
	tok := token(b, k, nil)
	dot := strings.LastIndexByte(tok, '.')
	sig, err := base64.RawURLEncoding.DecodeString(tok[dot+1:])
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		digest := sha256.Sum256([]byte(tok[:dot]))
		if err := rsa.VerifyPKCS1v15(&k.key.PublicKey, crypto.SHA256, digest[:], sig); err != nil {
			b.Fatal(err)
		}
	}
}
