package auth

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

const (
	testIssuer   = "http://localhost:8080/us-east-1_UnitTest"
	testClientID = "unitclient0000000000000001"
)

type signingKey struct {
	kid string
	key *rsa.PrivateKey
}

func newKey(t testing.TB) signingKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(k.N.Bytes())
	return signingKey{kid: base64.RawURLEncoding.EncodeToString(sum[:16]), key: k}
}

func (k signingKey) jwk() map[string]string {
	return map[string]string{
		"kid": k.kid, "kty": "RSA", "alg": "RS256", "use": "sig",
		"n": base64.RawURLEncoding.EncodeToString(k.key.N.Bytes()),
		"e": base64.RawURLEncoding.EncodeToString(big.NewInt(int64(k.key.E)).Bytes()),
	}
}

// jwksServer is a real HTTP JWKS endpoint on a loopback port that counts its requests.
type jwksServer struct {
	mu       sync.Mutex
	keys     []signingKey
	requests int
	failing  bool
	srv      *httptest.Server
}

func newJWKSServer(t testing.TB, keys ...signingKey) *jwksServer {
	s := &jwksServer{keys: keys}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.requests++
		if s.failing {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		set := []map[string]string{}
		for _, k := range s.keys {
			set = append(set, k.jwk())
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"keys": set})
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *jwksServer) setKeys(keys ...signingKey) { s.mu.Lock(); s.keys = keys; s.mu.Unlock() }
func (s *jwksServer) url() string                { return s.srv.URL + "/us-east-1_UnitTest/.well-known/jwks.json" }
func (s *jwksServer) count() int                 { s.mu.Lock(); defer s.mu.Unlock(); return s.requests }

// token signs a client-credentials access token shaped as the pool issues them; extra overrides claims
// (a nil value removes the claim).
func token(t testing.TB, k signingKey, extra map[string]any) string {
	t.Helper()
	now := time.Now().Unix()
	claims := jwt.MapClaims{
		"sub": testClientID, "client_id": testClientID, "token_use": "access", "scope": "orders/read orders/write",
		"iss": testIssuer, "iat": now, "exp": now + 3600, "jti": "j", "version": 2,
	}
	kid := k.kid
	for name, v := range extra {
		if name == "kid" {
			kid = v.(string)
			continue
		}
		if v == nil {
			delete(claims, name)
		} else {
			claims[name] = v
		}
	}
	tok := jwt.NewWithClaims(jwt.SigningMethodRS256, claims)
	tok.Header["kid"] = kid
	s, err := tok.SignedString(k.key)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func tamperSignature(tok string) string {
	parts := strings.Split(tok, ".")
	sig, _ := base64.RawURLEncoding.DecodeString(parts[2])
	sig[len(sig)-1] ^= 1
	return parts[0] + "." + parts[1] + "." + base64.RawURLEncoding.EncodeToString(sig)
}

func tamperPayload(tok string, claims map[string]any) string {
	parts := strings.Split(tok, ".")
	raw, _ := base64.RawURLEncoding.DecodeString(parts[1])
	payload := map[string]any{}
	_ = json.Unmarshal(raw, &payload)
	for k, v := range claims {
		payload[k] = v
	}
	b, _ := json.Marshal(payload)
	return parts[0] + "." + base64.RawURLEncoding.EncodeToString(b) + "." + parts[2]
}
