package identity

import "testing"

// Vector 1 of docs/cognito.md §4.5 (from alexrudd/cognito-srp).
func TestSecretHashVector(t *testing.T) {
	got := SecretHash("test", "123abd", "clientSecret")
	const want = "LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg="
	if got != want {
		t.Fatalf("SecretHash = %q, want %q", got, want)
	}
}
