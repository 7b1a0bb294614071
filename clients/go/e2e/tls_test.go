//go:build tlse2e

// TLS and mTLS end to end (go test -tags tlse2e), against a server scripts/sdk/with-server.sh started
// with SDK_TLS=1: TLS on gRPC, a client CA, and a client certificate whose SPIFFE ID is an admin of
// the test pool only.
package e2e

import (
	"os"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"

	identity "github.com/identity-service/identity/clients/go"
	identityv1 "github.com/identity-service/identity/clients/go/gen/identity/v1"
)

func tlsEnv(t *testing.T) (addr, pool, clientID, ca, cert, key string) {
	t.Helper()
	values := map[string]string{}
	for _, name := range []string{"IDP_GRPC_ADDR", "IDP_POOL_ID", "IDP_CLIENT_ID", "IDP_TLS_CA_FILE", "IDP_TLS_CERT_FILE", "IDP_TLS_KEY_FILE"} {
		values[name] = os.Getenv(name)
		if values[name] == "" {
			t.Fatalf("%s is not set: run through scripts/sdk/test-sdk.sh (SDK_TLS=1 server)", name)
		}
	}
	return values["IDP_GRPC_ADDR"], values["IDP_POOL_ID"], values["IDP_CLIENT_ID"], values["IDP_TLS_CA_FILE"], values["IDP_TLS_CERT_FILE"], values["IDP_TLS_KEY_FILE"]
}

func connect(t *testing.T, addr string, creds credentials.TransportCredentials) *grpc.ClientConn {
	t.Helper()
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(creds))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func TestTLSAuthService(t *testing.T) {
	addr, _, clientID, ca, _, _ := tlsEnv(t)
	creds, err := identity.TLSCredentials(ca, "", "")
	if err != nil {
		t.Fatal(err)
	}
	auth := identityv1.NewAuthServiceClient(connect(t, addr, creds))
	resp, err := auth.InitiateAuth(ctx(t), &identityv1.InitiateAuthRequest{
		ClientId: clientID, AuthFlow: identityv1.AuthFlow_AUTH_FLOW_USER_PASSWORD_AUTH,
		AuthParameters: map[string]string{"USERNAME": "nobody-" + randomSuffix(), "PASSWORD": "Wrong-Pass-1"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetNotAuthorized() == nil {
		t.Fatalf("InitiateAuth for an unknown user answered %v, want not_authorized", resp.GetResult())
	}
}

func TestTLSWithoutClientCertificateAdminIsUnauthenticated(t *testing.T) {
	addr, pool, _, ca, _, _ := tlsEnv(t)
	creds, err := identity.TLSCredentials(ca, "", "")
	if err != nil {
		t.Fatal(err)
	}
	admin := identityv1.NewAdminServiceClient(connect(t, addr, creds))
	_, err = admin.AdminGetUser(ctx(t), &identityv1.AdminGetUserRequest{UserPoolId: pool, Username: "anyone"})
	if status.Code(err) != codes.Unauthenticated {
		t.Fatalf("AdminGetUser without credentials: %v, want Unauthenticated", err)
	}
}

func TestMTLSAdminOfItsPoolOnly(t *testing.T) {
	addr, pool, _, ca, cert, key := tlsEnv(t)
	creds, err := identity.TLSCredentials(ca, cert, key)
	if err != nil {
		t.Fatal(err)
	}
	admin := identityv1.NewAdminServiceClient(connect(t, addr, creds))
	username := "go-mtls-" + randomSuffix()
	created, err := admin.AdminCreateUser(ctx(t), &identityv1.AdminCreateUserRequest{
		UserPoolId: pool, Username: username, TemporaryPassword: "Temporary-Pass-1", MessageAction: identityv1.MessageAction_MESSAGE_ACTION_SUPPRESS,
	})
	if err != nil || created.GetSuccess() == nil {
		t.Fatalf("AdminCreateUser over mTLS: %v %v", created.GetResult(), err)
	}
	got, err := admin.AdminGetUser(ctx(t), &identityv1.AdminGetUserRequest{UserPoolId: pool, Username: username})
	if err != nil || got.GetSuccess() == nil {
		t.Fatalf("AdminGetUser over mTLS: %v %v", got.GetResult(), err)
	}
	_, err = admin.ListUserPools(ctx(t), &identityv1.ListUserPoolsRequest{MaxResults: 10})
	if status.Code(err) != codes.PermissionDenied {
		t.Fatalf("ListUserPools with a pool-scoped certificate: %v, want PermissionDenied", err)
	}
	_, err = admin.AdminGetUser(ctx(t), &identityv1.AdminGetUserRequest{UserPoolId: "us-east-1_OtherPool1", Username: username})
	if status.Code(err) != codes.PermissionDenied {
		t.Fatalf("AdminGetUser on another pool: %v, want PermissionDenied", err)
	}
}

func TestTLSPlaintextToTheTLSPortFails(t *testing.T) {
	addr, _, clientID, _, _, _ := tlsEnv(t)
	auth := identityv1.NewAuthServiceClient(connect(t, addr, insecure.NewCredentials()))
	_, err := auth.InitiateAuth(ctx(t), &identityv1.InitiateAuthRequest{ClientId: clientID, AuthFlow: identityv1.AuthFlow_AUTH_FLOW_USER_PASSWORD_AUTH,
		AuthParameters: map[string]string{"USERNAME": "x", "PASSWORD": "y"}})
	if status.Code(err) != codes.Unavailable {
		t.Fatalf("plaintext call to the TLS port: %v, want Unavailable", err)
	}
}
