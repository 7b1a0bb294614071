package e2e

import (
	"context"
	"net"
	"os"
	"strings"
	"testing"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/identity-service/identity/clients/go/auth"
	identityv1 "github.com/identity-service/identity/clients/go/gen/identity/v1"
)

const userScope = "aws.cognito.signin.user.admin"

// userTokens: a confirmed user (AdminCreateUser + permanent AdminSetUserPassword) signed in with
// USER_PASSWORD_AUTH; returns the access and id tokens and the username.
func userTokens(t *testing.T, tg target) (string, string, string) {
	t.Helper()
	adminToken := os.Getenv("IDP_ADMIN_TOKEN")
	if adminToken == "" {
		t.Fatal("IDP_ADMIN_TOKEN is not set")
	}
	conn, err := grpc.NewClient(tg.addr, grpc.WithTransportCredentials(transportCredentials(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	admin := identityv1.NewAdminServiceClient(conn)
	actx := metadata.AppendToOutgoingContext(ctx(t), "authorization", "Bearer "+adminToken)
	username, password := "go-verify-"+randomSuffix(), "Passw0rd!"+randomSuffix()
	created, err := admin.AdminCreateUser(actx, &identityv1.AdminCreateUserRequest{UserPoolId: tg.poolID, Username: username, MessageAction: identityv1.MessageAction_MESSAGE_ACTION_SUPPRESS})
	if err != nil || created.GetSuccess() == nil {
		t.Fatalf("AdminCreateUser: %v %v", created, err)
	}
	set, err := admin.AdminSetUserPassword(actx, &identityv1.AdminSetUserPasswordRequest{UserPoolId: tg.poolID, Username: username, Password: password, Permanent: true})
	if err != nil || set.GetSuccess() == nil {
		t.Fatalf("AdminSetUserPassword: %v %v", set, err)
	}
	resp, err := dial(t, tg).InitiateAuth(ctx(t), &identityv1.InitiateAuthRequest{
		ClientId: tg.clientID, AuthFlow: identityv1.AuthFlow_AUTH_FLOW_USER_PASSWORD_AUTH,
		AuthParameters: map[string]string{"USERNAME": username, "PASSWORD": password},
	})
	if err != nil || resp.GetAuthenticationResult() == nil {
		t.Fatalf("InitiateAuth: %v %v", resp, err)
	}
	return resp.GetAuthenticationResult().GetAccessToken(), resp.GetAuthenticationResult().GetIdToken(), username
}

// TestVerifierWithLiveTokens: the verifier against the live server's JWKS (IDP_ISSUER/.well-known/jwks.json).
func TestVerifierWithLiveTokens(t *testing.T) {
	tg := targetFromEnv(t)
	access, id, username := userTokens(t, tg)
	v, err := auth.NewVerifier(auth.Config{Issuer: os.Getenv("IDP_ISSUER"), ClientIDs: []string{tg.clientID}})
	if err != nil {
		t.Fatal(err)
	}
	claims, err := v.VerifyFor(ctx(t), access, auth.Requirement{Scopes: []string{userScope}})
	if err != nil || claims.ClientID != tg.clientID || claims.Raw["username"] != username {
		t.Fatalf("live access token: %+v %v", claims, err)
	}
	parts := strings.Split(access, ".")
	for name, c := range map[auth.Check]func() error{
		auth.CheckScope:     func() error { _, err := v.VerifyFor(ctx(t), access, auth.Requirement{Scopes: []string{"orders/read"}}); return err },
		auth.CheckTokenUse:  func() error { _, err := v.Verify(ctx(t), id); return err },
		auth.CheckSignature: func() error { _, err := v.Verify(ctx(t), parts[0]+"."+parts[1]+"."+strings.Repeat("A", len(parts[2]))); return err },
	} {
		if got := auth.CheckOf(c()); got != name {
			t.Errorf("want %s, got %s", name, got)
		}
	}
	if v.JWKS().Fetches() != 1 {
		t.Errorf("JWKS fetched %d times", v.JWKS().Fetches())
	}
}

type profileHealth struct {
	healthpb.UnimplementedHealthServer
}

func (profileHealth) Check(ctx context.Context, _ *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	if auth.ClaimsFromContext(ctx) == nil {
		return nil, status.Error(codes.Internal, "no claims in context")
	}
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

// TestInterceptorWithLiveTokens: a grpc-go service behind the interceptor, called with a live token.
func TestInterceptorWithLiveTokens(t *testing.T) {
	tg := targetFromEnv(t)
	access, _, _ := userTokens(t, tg)
	v, err := auth.NewVerifier(auth.Config{Issuer: os.Getenv("IDP_ISSUER"), ClientIDs: []string{tg.clientID}})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		scope string
		token string
		want  codes.Code
	}{
		{userScope, access, codes.OK},
		{"orders/read", access, codes.PermissionDenied},
		{userScope, "", codes.Unauthenticated},
		{userScope, access[:len(access)-4] + "AAAA", codes.Unauthenticated},
	} {
		policy := &auth.Policy{Methods: map[string]*auth.MethodRule{healthpb.Health_Check_FullMethodName: auth.Require(tc.scope)}}
		lis, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		srv := grpc.NewServer(grpc.UnaryInterceptor(v.UnaryServerInterceptor(policy)))
		healthpb.RegisterHealthServer(srv, profileHealth{})
		go func() { _ = srv.Serve(lis) }()
		conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()))
		if err != nil {
			t.Fatal(err)
		}
		c := ctx(t)
		if tc.token != "" {
			c = metadata.AppendToOutgoingContext(c, "authorization", "Bearer "+tc.token)
		}
		_, err = healthpb.NewHealthClient(conn).Check(c, &healthpb.HealthCheckRequest{})
		if status.Code(err) != tc.want {
			t.Errorf("scope %s: want %v, got %v", tc.scope, tc.want, err)
		}
		conn.Close()
		srv.Stop()
	}
}
