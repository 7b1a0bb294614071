package identity

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// OutboxMessage is one entry of the server's outbox stream (CODE_SENDER=redis-stream, stream
// "idp:{p:<poolId>}:outbox"), opened: routing fields as stored, and the code (or the temporary
// password of an invitation) and any CustomMessage subject and body, which the server seals under
// the outbox key the operator holds (IDP_OUTBOX_KEY).
type OutboxMessage struct {
	Event, Pool, Username, Attribute, Medium, Destination string
	Code, Subject, Body                                  string
}

// ErrOutboxEntry is returned for an entry that lacks a field or does not open under the key.
var ErrOutboxEntry = errors.New("identity: outbox entry cannot be opened")

// OutboxKeyID is the id entries carry in their "kid" field for the key that sealed them.
func OutboxKeyID(key []byte) string {
	h := sha256.New()
	h.Write([]byte("identity.v1 outbox key"))
	h.Write(key)
	return hex.EncodeToString(h.Sum(nil)[:4])
}

// OpenOutboxEntry opens an entry given as its field map (go-redis XMessage.Values converts with
// a type assertion per value). AES-256-GCM: sealed = base64(iv(12) || ciphertext || tag(16)),
// associated data = "identity.v1 outbox\n" + pool + "\n" + event + "\n" + username + "\n" + destination.
func OpenOutboxEntry(fields map[string]string, key []byte) (*OutboxMessage, error) {
	if len(key) != 32 {
		return nil, fmt.Errorf("%w: the key must be 32 bytes", ErrOutboxEntry)
	}
	m := &OutboxMessage{}
	for name, dst := range map[string]*string{"event": &m.Event, "pool": &m.Pool, "username": &m.Username, "attribute": &m.Attribute, "medium": &m.Medium, "destination": &m.Destination} {
		v, ok := fields[name]
		if !ok {
			return nil, fmt.Errorf("%w: no %s field", ErrOutboxEntry, name)
		}
		*dst = v
	}
	box, err := base64.StdEncoding.DecodeString(fields["sealed"])
	if err != nil || len(box) < 28 {
		return nil, fmt.Errorf("%w: no sealed part", ErrOutboxEntry)
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	aad := strings.Join([]string{"identity.v1 outbox", m.Pool, m.Event, m.Username, m.Destination}, "\n")
	plain, err := gcm.Open(nil, box[:12], box[12:], []byte(aad))
	if err != nil {
		return nil, fmt.Errorf("%w: another key, or altered", ErrOutboxEntry)
	}
	var secret struct {
		Code    string `json:"code"`
		Subject string `json:"subject"`
		Body    string `json:"body"`
	}
	if err := json.Unmarshal(plain, &secret); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrOutboxEntry, err)
	}
	m.Code, m.Subject, m.Body = secret.Code, secret.Subject, secret.Body
	return m, nil
}
