package e2e

import (
	"os"
	"testing"

	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"

	identity "github.com/identity-service/identity/clients/go"
)

// transportCredentials: plaintext, or mTLS when the server was started with SDK_TLS=1
// (IDP_TLS_CA_FILE, IDP_TLS_CERT_FILE, IDP_TLS_KEY_FILE), so the same suites run over both.
func transportCredentials(t *testing.T) credentials.TransportCredentials {
	t.Helper()
	ca := os.Getenv("IDP_TLS_CA_FILE")
	if ca == "" {
		return insecure.NewCredentials()
	}
	creds, err := identity.TLSCredentials(ca, os.Getenv("IDP_TLS_CERT_FILE"), os.Getenv("IDP_TLS_KEY_FILE"))
	if err != nil {
		t.Fatal(err)
	}
	return creds
}
