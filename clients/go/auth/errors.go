// Package auth is the receiving and calling side of service-to-service auth: a verifier for the
// pool's JWTs (cached JWKS, no network call per request), gRPC server interceptors, and a
// client-credentials token source attached as per-RPC credentials.
package auth

import "errors"

// Check names the check a token failed. The codes are the same in the TypeScript and Python SDKs.
type Check string

const (
	CheckMissingToken    Check = "missing_token"
	CheckMalformed       Check = "malformed"
	CheckAlgorithm       Check = "algorithm"
	CheckUnknownKid      Check = "unknown_kid"
	CheckJWKSUnavailable Check = "jwks_unavailable"
	CheckSignature       Check = "signature"
	CheckIssuer          Check = "issuer"
	CheckExpired         Check = "expired"
	CheckNotYetValid     Check = "not_yet_valid"
	CheckTokenUse        Check = "token_use"
	CheckClientID        Check = "client_id"
	CheckScope           Check = "scope"
	CheckGroup           Check = "group"
)

// VerificationError is a token that did not pass; Check says which check failed. It never holds the token.
type VerificationError struct {
	Check   Check
	Message string
}

func (e *VerificationError) Error() string { return string(e.Check) + ": " + e.Message }

// Forbidden reports a genuine token that lacks a required scope or group (RFC 6750 §3.1 insufficient_scope).
func (e *VerificationError) Forbidden() bool { return e.Check == CheckScope || e.Check == CheckGroup }

// Is makes errors.Is(err, &VerificationError{Check: CheckScope}) match on the check alone.
func (e *VerificationError) Is(target error) bool {
	var t *VerificationError
	return errors.As(target, &t) && t.Check == e.Check
}

func fail(check Check, message string) *VerificationError {
	return &VerificationError{Check: check, Message: message}
}

// CheckOf returns the check err failed, or "" when err is not a VerificationError.
func CheckOf(err error) Check {
	var v *VerificationError
	if errors.As(err, &v) {
		return v.Check
	}
	return ""
}
