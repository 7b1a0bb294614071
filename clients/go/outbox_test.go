package identity

import (
	"encoding/hex"
	"errors"
	"testing"
)

// The shared vector: the server's suite and the TypeScript and Python SDKs open the same entry.
var outboxVectorKey, _ = hex.DecodeString("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20")

func outboxVector() map[string]string {
	return map[string]string{
		"event": "ForgotPassword", "pool": "us-east-1_Vector1", "username": "alice", "attribute": "email", "medium": "EMAIL",
		"destination": "alice@example.com",
		"sealed":      "oKGio6SlpqeoqaqrwvNeCZnQeD5dP5BYxbAWpnv1w2w6AgXnU3nv3wshrUcRsvasivCcFk8ZpOCEDGx+dsMC5K/0mrBojfDQ8wQ0XJl0gZmFczcWwzHM256yEGXIfD2D",
	}
}

func TestOpenOutboxEntryVector(t *testing.T) {
	m, err := OpenOutboxEntry(outboxVector(), outboxVectorKey)
	if err != nil {
		t.Fatal(err)
	}
	if m.Code != "123456" || m.Subject != "Your code" || m.Body != "Your code is 123456" || m.Destination != "alice@example.com" {
		t.Fatalf("opened %+v", m)
	}
}

func TestOpenOutboxEntryRefusesOtherKeyOrEntry(t *testing.T) {
	other := make([]byte, 32)
	if _, err := OpenOutboxEntry(outboxVector(), other); !errors.Is(err, ErrOutboxEntry) {
		t.Fatalf("another key: %v", err)
	}
	moved := outboxVector()
	moved["username"] = "mallory"
	if _, err := OpenOutboxEntry(moved, outboxVectorKey); !errors.Is(err, ErrOutboxEntry) {
		t.Fatalf("moved: %v", err)
	}
	missing := outboxVector()
	delete(missing, "sealed")
	if _, err := OpenOutboxEntry(missing, outboxVectorKey); !errors.Is(err, ErrOutboxEntry) {
		t.Fatalf("missing: %v", err)
	}
}

func TestOutboxKeyID(t *testing.T) {
	if OutboxKeyID(outboxVectorKey) == OutboxKeyID(make([]byte, 32)) || len(OutboxKeyID(outboxVectorKey)) != 8 {
		t.Fatal("key ids must be 8 hex digits and differ per key")
	}
}
