package e2e

import (
	"context"
	"errors"
	"net"
	"os"
	"sync"
	"testing"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"

	"github.com/identity-service/identity/clients/go/auth"
	identityv1 "github.com/identity-service/identity/clients/go/gen/identity/v1"
)

// m2mClient declares a resource server of its own (api/read, api/write) and an app client allowed
// api/read by client credentials; returns the api identifier, client id and secret.
func m2mClient(t *testing.T, tg target) (string, string, string) {
	t.Helper()
	conn, err := grpc.NewClient(tg.addr, grpc.WithTransportCredentials(transportCredentials(t)))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	admin := identityv1.NewAdminServiceClient(conn)
	actx := metadata.AppendToOutgoingContext(ctx(t), "authorization", "Bearer "+os.Getenv("IDP_ADMIN_TOKEN"))
	api := "go-e2e-" + randomSuffix()
	rs, err := admin.CreateResourceServer(actx, &identityv1.CreateResourceServerRequest{UserPoolId: tg.poolID, Identifier: api, Name: api,
		Scopes: []*identityv1.ResourceServerScope{{ScopeName: "read", ScopeDescription: "read"}, {ScopeName: "write", ScopeDescription: "write"}}})
	if err != nil || rs.GetSuccess() == nil {
		t.Fatalf("CreateResourceServer: %v %v", rs, err)
	}
	c, err := admin.CreateUserPoolClient(actx, &identityv1.CreateUserPoolClientRequest{UserPoolId: tg.poolID, ClientName: "go-e2e-service", GenerateSecret: true,
		Settings: &identityv1.UserPoolClientSettings{
			ExplicitAuthFlows:  []identityv1.ExplicitAuthFlow{identityv1.ExplicitAuthFlow_EXPLICIT_AUTH_FLOW_ALLOW_CLIENT_TOKEN_AUTH},
			AllowedOauthFlows:  []identityv1.OauthFlow{identityv1.OauthFlow_OAUTH_FLOW_CLIENT_CREDENTIALS},
			AllowedOauthScopes: []string{api + "/read"},
		}})
	if err != nil || c.GetSuccess() == nil {
		t.Fatalf("CreateUserPoolClient: %v %v", c, err)
	}
	return api, c.GetSuccess().GetClientId(), c.GetSuccess().GetClientSecret()
}

// TestClientCredentials: golang.org/x/oauth2/clientcredentials against the live token endpoint (through
// auth.NewTokenSource), GetClientToken as a token source, the verifier with the live JWKS, and
// PerRPCCredentials to a grpc-go service behind the interceptor.
func TestClientCredentials(t *testing.T) {
	tg := targetFromEnv(t)
	api, clientID, secret := m2mClient(t, tg)
	issuer := os.Getenv("IDP_ISSUER")
	v, err := auth.NewVerifier(auth.Config{Issuer: issuer, ClientIDs: []string{clientID}})
	if err != nil {
		t.Fatal(err)
	}
	endpoint := auth.NewTokenSource(context.Background(), auth.ClientCredentials{TokenURL: issuer + "/oauth2/token", ClientID: clientID, ClientSecret: secret, Scopes: []string{api + "/read"}})

	t.Run("TokenEndpointWithXOauth2", func(t *testing.T) {
		tok, err := endpoint.Token()
		if err != nil {
			t.Fatal(err)
		}
		claims, err := v.VerifyFor(ctx(t), tok.AccessToken, auth.Requirement{Scopes: []string{api + "/read"}})
		if err != nil || claims.Subject != clientID || claims.ClientID != clientID {
			t.Fatalf("claims %+v err %v", claims, err)
		}
		if _, err := v.VerifyFor(ctx(t), tok.AccessToken, auth.Requirement{Scopes: []string{api + "/write"}}); auth.CheckOf(err) != auth.CheckScope {
			t.Fatalf("want scope, got %v", err)
		}
	})

	t.Run("GetClientTokenOneFetchUnderConcurrency", func(t *testing.T) {
		conn, err := grpc.NewClient(tg.addr, grpc.WithTransportCredentials(transportCredentials(t)))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		var fetches int
		var mu sync.Mutex
		counting := tokenSourceFunc(func() (*oauth2.Token, error) {
			mu.Lock()
			fetches++
			mu.Unlock()
			return auth.GetClientTokenSource(context.Background(), identityv1.NewAuthServiceClient(conn), clientID, secret, nil).Token()
		})
		src := auth.Cached(counting, 0)
		var wg sync.WaitGroup
		tokens := make([]string, 25)
		for i := range tokens {
			wg.Add(1)
			go func() {
				defer wg.Done()
				if tok, err := src.Token(); err == nil {
					tokens[i] = tok.AccessToken
				}
			}()
		}
		wg.Wait()
		for _, tok := range tokens {
			if tok == "" || tok != tokens[0] {
				t.Fatal("callers got different or no tokens")
			}
		}
		if fetches != 1 {
			t.Fatalf("%d fetches, want 1", fetches)
		}
		if _, err := v.Verify(ctx(t), tokens[0]); err != nil {
			t.Fatal(err)
		}
		_, err = auth.GetClientTokenSource(context.Background(), identityv1.NewAuthServiceClient(conn), clientID, secret+"x", nil).Token()
		var cte *auth.ClientTokenError
		if !errors.As(err, &cte) || cte.Arm != "not_authorized" {
			t.Fatalf("wrong secret: %v", err)
		}
	})

	t.Run("WrongSecretAndScopeAtTheTokenEndpoint", func(t *testing.T) {
		var re *oauth2.RetrieveError
		_, err := auth.NewTokenSource(context.Background(), auth.ClientCredentials{TokenURL: issuer + "/oauth2/token", ClientID: clientID, ClientSecret: secret + "x"}).Token()
		if !errors.As(err, &re) || re.ErrorCode != "invalid_client" || re.Response.StatusCode != 401 {
			t.Fatalf("wrong secret: %v", err)
		}
		_, err = auth.NewTokenSource(context.Background(), auth.ClientCredentials{TokenURL: issuer + "/oauth2/token", ClientID: clientID, ClientSecret: secret, Scopes: []string{api + "/write"}}).Token()
		if !errors.As(err, &re) || re.ErrorCode != "invalid_scope" {
			t.Fatalf("scope not allowed: %v", err)
		}
	})

	t.Run("PerRPCCredentialsThroughTheInterceptor", func(t *testing.T) {
		lis, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		policy := &auth.Policy{Methods: map[string]*auth.MethodRule{
			healthpb.Health_Check_FullMethodName: auth.Require(api + "/read"),
			healthpb.Health_Watch_FullMethodName: auth.Require(api + "/write"),
		}}
		srv := grpc.NewServer(grpc.UnaryInterceptor(v.UnaryServerInterceptor(policy)), grpc.StreamInterceptor(v.StreamServerInterceptor(policy)))
		healthpb.RegisterHealthServer(srv, profileHealth{})
		go func() { _ = srv.Serve(lis) }()
		defer srv.Stop()
		conn, err := grpc.NewClient(lis.Addr().String(), grpc.WithTransportCredentials(insecure.NewCredentials()), grpc.WithPerRPCCredentials(auth.PerRPCCredentials(endpoint, false)))
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		client := healthpb.NewHealthClient(conn)
		if _, err := client.Check(ctx(t), &healthpb.HealthCheckRequest{}); err != nil {
			t.Fatalf("allowed scope: %v", err)
		}
		stream, err := client.Watch(ctx(t), &healthpb.HealthCheckRequest{})
		if err == nil {
			_, err = stream.Recv()
		}
		if status.Code(err) != codes.PermissionDenied {
			t.Fatalf("stream without %s/write: %v", api, err)
		}
	})
}

type tokenSourceFunc func() (*oauth2.Token, error)

func (f tokenSourceFunc) Token() (*oauth2.Token, error) { return f() }
