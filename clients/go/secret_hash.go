// Package identity holds small helpers for the identity service's Go SDK. The generated client and
// message types are in the gen/identity/v1 package (import it as identityv1).
package identity

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
)

// SecretHash returns Cognito's SECRET_HASH for an app client that has a secret:
// Base64(HMAC-SHA256(key = clientSecret, message = username + clientID)) (docs/cognito.md §3.7).
// In RespondToAuthChallenge, username must be the internal USERNAME the challenge returned.
func SecretHash(username, clientID, clientSecret string) string {
	mac := hmac.New(sha256.New, []byte(clientSecret))
	mac.Write([]byte(username + clientID))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}
