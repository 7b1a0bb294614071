package auth

import (
	"context"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"sync"
	"time"
)

// JWKSCache holds the pool's RSA signing keys in memory, so verifying a token costs no network call.
// A token with an unknown kid (a rotated key) causes one refetch, at most one per MinRefetchInterval
// whatever the traffic (made-up kids cannot make it hammer the endpoint); concurrent misses share the
// fetch. After MaxAge the keys are refreshed in the background while requests keep using them.
type JWKSCache struct {
	uri                string
	client             *http.Client
	minRefetchInterval time.Duration
	maxAge             time.Duration
	now                func() time.Time

	mu          sync.Mutex
	keys        map[string]*rsa.PublicKey
	lastAttempt time.Time
	lastSuccess time.Time
	inflight    chan struct{} // closed when the running fetch ends
	lastErr     error
	fetches     int
}

func newJWKSCache(uri string, client *http.Client, minRefetch, maxAge time.Duration, now func() time.Time) *JWKSCache {
	return &JWKSCache{uri: uri, client: client, minRefetchInterval: minRefetch, maxAge: maxAge, now: now, keys: map[string]*rsa.PublicKey{}}
}

// Fetches is how many times the JWKS was requested.
func (c *JWKSCache) Fetches() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.fetches
}

// Key returns the public key for kid; a cached key answers without I/O.
func (c *JWKSCache) Key(ctx context.Context, kid string) (*rsa.PublicKey, error) {
	if kid == "" {
		return nil, fail(CheckMalformed, "token header has no kid")
	}
	c.mu.Lock()
	if key, ok := c.keys[kid]; ok {
		if c.now().Sub(c.lastSuccess) > c.maxAge && c.inflight == nil && c.now().Sub(c.lastAttempt) >= c.minRefetchInterval {
			c.startFetchLocked()
		}
		c.mu.Unlock()
		return key, nil
	}
	wait := c.inflight
	if wait == nil && (c.lastAttempt.IsZero() || c.now().Sub(c.lastAttempt) >= c.minRefetchInterval) {
		wait = c.startFetchLocked()
	}
	c.mu.Unlock()
	if wait != nil {
		select {
		case <-wait:
		case <-ctx.Done():
			return nil, fail(CheckJWKSUnavailable, "JWKS fetch interrupted: "+ctx.Err().Error())
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if key, ok := c.keys[kid]; ok {
		return key, nil
	}
	if c.lastSuccess.IsZero() {
		msg := "the pool's JWKS has not been fetched yet"
		if c.lastErr != nil {
			msg = c.lastErr.Error()
		}
		return nil, fail(CheckJWKSUnavailable, msg)
	}
	return nil, fail(CheckUnknownKid, "token is signed with a key the pool's JWKS does not list")
}

// Refresh fetches now (e.g. at start-up, so the first request does not wait).
func (c *JWKSCache) Refresh(ctx context.Context) error {
	c.mu.Lock()
	wait := c.inflight
	if wait == nil {
		wait = c.startFetchLocked()
	}
	c.mu.Unlock()
	select {
	case <-wait:
	case <-ctx.Done():
		return ctx.Err()
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.lastErr
}

func (c *JWKSCache) startFetchLocked() chan struct{} {
	done := make(chan struct{})
	c.inflight = done
	c.lastAttempt = c.now()
	c.fetches++
	go func() {
		keys, err := c.load()
		c.mu.Lock()
		if err == nil {
			c.keys = keys
			c.lastSuccess = c.now()
		}
		c.lastErr = err
		c.inflight = nil
		c.mu.Unlock()
		close(done)
	}()
	return done
}

type jwk struct {
	Kid string `json:"kid"`
	Kty string `json:"kty"`
	Use string `json:"use"`
	N   string `json:"n"`
	E   string `json:"e"`
}

func (c *JWKSCache) load() (map[string]*rsa.PublicKey, error) {
	resp, err := c.client.Get(c.uri)
	if err != nil {
		return nil, fmt.Errorf("JWKS fetch failed: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("JWKS fetch failed: HTTP %d", resp.StatusCode)
	}
	var set struct {
		Keys []jwk `json:"keys"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&set); err != nil {
		return nil, fmt.Errorf("JWKS is not JSON: %w", err)
	}
	keys := make(map[string]*rsa.PublicKey, len(set.Keys))
	for _, k := range set.Keys {
		// Only RSA signing keys are used (the pool signs RS256); anything else is skipped.
		if k.Kid == "" || k.Kty != "RSA" || (k.Use != "" && k.Use != "sig") {
			continue
		}
		if key, err := rsaKey(k); err == nil {
			keys[k.Kid] = key
		}
	}
	return keys, nil
}

func rsaKey(k jwk) (*rsa.PublicKey, error) {
	n, err := base64.RawURLEncoding.DecodeString(k.N)
	if err != nil {
		return nil, err
	}
	e, err := base64.RawURLEncoding.DecodeString(k.E)
	if err != nil || len(e) == 0 || len(e) > 4 {
		return nil, fmt.Errorf("bad exponent")
	}
	return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(new(big.Int).SetBytes(e).Int64())}, nil
}
