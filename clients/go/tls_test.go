package identity

import (
	"os"
	"path/filepath"
	"testing"
)

func TestTLSCredentialsRefusesBadInput(t *testing.T) {
	dir := t.TempDir()
	notPem := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(notPem, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	cases := map[string][3]string{
		"a missing CA file":         {filepath.Join(dir, "missing.pem"), "", ""},
		"a CA file without PEM":     {notPem, "", ""},
		"a certificate without key": {"", filepath.Join(dir, "client.pem"), ""},
		"a missing key pair":        {"", filepath.Join(dir, "client.pem"), filepath.Join(dir, "client.key")},
	}
	for name, files := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := TLSCredentials(files[0], files[1], files[2]); err == nil {
				t.Fatalf("TLSCredentials(%q, %q, %q) succeeded", files[0], files[1], files[2])
			}
		})
	}
}

func TestTLSCredentialsWithSystemRoots(t *testing.T) {
	creds, err := TLSCredentials("", "", "")
	if err != nil {
		t.Fatal(err)
	}
	if got := creds.Info().SecurityProtocol; got != "tls" {
		t.Fatalf("security protocol %q, want tls", got)
	}
}
