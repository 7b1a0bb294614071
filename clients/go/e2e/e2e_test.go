// End-to-end tests of the Go SDK against a live server (scripts/sdk/with-server.sh starts one).
// Target from env: IDP_GRPC_ADDR, REDIS_URL, IDP_CLIENT_ID, IDP_POOL_ID, IDP_OUTBOX_KEY. Skipped when unset.
package e2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"google.golang.org/grpc"

	identity "github.com/identity-service/identity/clients/go"
	identityv1 "github.com/identity-service/identity/clients/go/gen/identity/v1"
)

type target struct {
	addr, redisURL, clientID, poolID string
	outboxKey                        []byte
}

func targetFromEnv(t *testing.T) target {
	t.Helper()
	tg := target{addr: os.Getenv("IDP_GRPC_ADDR"), redisURL: os.Getenv("REDIS_URL"), clientID: os.Getenv("IDP_CLIENT_ID"), poolID: os.Getenv("IDP_POOL_ID")}
	if tg.addr == "" {
		t.Skip("IDP_GRPC_ADDR is not set: no live server")
	}
	key, err := hex.DecodeString(os.Getenv("IDP_OUTBOX_KEY"))
	if tg.redisURL == "" || tg.clientID == "" || tg.poolID == "" || err != nil || len(key) != 32 {
		t.Fatal("IDP_GRPC_ADDR is set but REDIS_URL, IDP_CLIENT_ID, IDP_POOL_ID or IDP_OUTBOX_KEY (64 hex digits) is missing")
	}
	tg.outboxKey = key
	return tg
}

func dial(t *testing.T, tg target) identityv1.AuthServiceClient {
	t.Helper()
	conn, err := grpc.NewClient(tg.addr, grpc.WithTransportCredentials(transportCredentials(t)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return identityv1.NewAuthServiceClient(conn)
}

func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	t.Cleanup(cancel)
	return c
}

func randomSuffix() string {
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// outboxCode polls the pool's outbox stream for the newest entry of event for username and opens it
// with the outbox key (IDP_OUTBOX_KEY).
func outboxCode(t *testing.T, tg target, event, username string) string {
	t.Helper()
	opt, err := redis.ParseURL(tg.redisURL)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	key := fmt.Sprintf("idp:{p:%s}:outbox", tg.poolID)
	deadline := time.Now().Add(5 * time.Second)
	for {
		entries, err := rdb.XRevRangeN(ctx(t), key, "+", "-", 100).Result()
		if err != nil {
			t.Fatalf("XREVRANGE %s: %v", key, err)
		}
		for _, e := range entries {
			fields := map[string]string{}
			for k, v := range e.Values {
				fields[k], _ = v.(string)
			}
			if _, clear := fields["code"]; clear {
				t.Fatalf("an outbox entry holds its code in clear")
			}
			if fields["event"] != event || fields["username"] != username {
				continue
			}
			m, err := identity.OpenOutboxEntry(fields, tg.outboxKey)
			if err != nil {
				t.Fatalf("opening the outbox entry: %v", err)
			}
			return m.Code
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s entry for %q in %s", event, username, key)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// TestUserLifecycle: sign up → confirm (code from the outbox) → USER_PASSWORD_AUTH → REFRESH_TOKEN_AUTH
// → GetUser → GlobalSignOut → GetUser answers not_authorized.
func TestUserLifecycle(t *testing.T) {
	tg := targetFromEnv(t)
	auth := dial(t, tg)
	username := "go-e2e-" + randomSuffix()
	password := "Passw0rd!Go-" + randomSuffix()
	var accessToken, refreshToken string

	steps := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"SignUp", func(t *testing.T) {
			resp, err := auth.SignUp(ctx(t), &identityv1.SignUpRequest{
				ClientId: tg.clientID, Username: username, Password: password,
				UserAttributes: []*identityv1.AttributeType{{Name: "email", Value: username + "@example.com"}},
			})
			if err != nil {
				t.Fatal(err)
			}
			r, ok := resp.Result.(*identityv1.SignUpResponse_Success)
			if !ok {
				t.Fatalf("SignUp: want success, got %T %v", resp.Result, resp.Result)
			}
			if r.Success.GetUserConfirmed() || r.Success.GetUserSub() == "" {
				t.Fatalf("SignUp: unexpected result %v", r.Success)
			}
		}},
		{"ConfirmSignUp", func(t *testing.T) {
			code := outboxCode(t, tg, "SignUp", username)
			resp, err := auth.ConfirmSignUp(ctx(t), &identityv1.ConfirmSignUpRequest{
				ClientId: tg.clientID, Username: username, ConfirmationCode: code,
			})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := resp.Result.(*identityv1.ConfirmSignUpResponse_Success); !ok {
				t.Fatalf("ConfirmSignUp: want success, got %T %v", resp.Result, resp.Result)
			}
		}},
		{"UserPasswordAuth", func(t *testing.T) {
			resp, err := auth.InitiateAuth(ctx(t), &identityv1.InitiateAuthRequest{
				ClientId:       tg.clientID,
				AuthFlow:       identityv1.AuthFlow_AUTH_FLOW_USER_PASSWORD_AUTH,
				AuthParameters: map[string]string{"USERNAME": username, "PASSWORD": password},
			})
			if err != nil {
				t.Fatal(err)
			}
			r, ok := resp.Result.(*identityv1.InitiateAuthResponse_AuthenticationResult)
			if !ok {
				t.Fatalf("InitiateAuth: want authentication_result, got %T %v", resp.Result, resp.Result)
			}
			accessToken, refreshToken = r.AuthenticationResult.GetAccessToken(), r.AuthenticationResult.GetRefreshToken()
			if accessToken == "" || refreshToken == "" || r.AuthenticationResult.GetIdToken() == "" {
				t.Fatalf("InitiateAuth: missing tokens in %v", r.AuthenticationResult)
			}
		}},
		{"RefreshTokenAuth", func(t *testing.T) {
			resp, err := auth.InitiateAuth(ctx(t), &identityv1.InitiateAuthRequest{
				ClientId:       tg.clientID,
				AuthFlow:       identityv1.AuthFlow_AUTH_FLOW_REFRESH_TOKEN_AUTH,
				AuthParameters: map[string]string{"REFRESH_TOKEN": refreshToken},
			})
			if err != nil {
				t.Fatal(err)
			}
			r, ok := resp.Result.(*identityv1.InitiateAuthResponse_AuthenticationResult)
			if !ok {
				t.Fatalf("refresh: want authentication_result, got %T %v", resp.Result, resp.Result)
			}
			if r.AuthenticationResult.GetAccessToken() == "" {
				t.Fatal("refresh: no access token")
			}
			accessToken = r.AuthenticationResult.GetAccessToken()
		}},
		{"GetUser", func(t *testing.T) {
			resp, err := auth.GetUser(ctx(t), &identityv1.GetUserRequest{AccessToken: accessToken})
			if err != nil {
				t.Fatal(err)
			}
			r, ok := resp.Result.(*identityv1.GetUserResponse_Success)
			if !ok {
				t.Fatalf("GetUser: want success, got %T %v", resp.Result, resp.Result)
			}
			if r.Success.GetUsername() != username {
				t.Fatalf("GetUser: username %q, want %q", r.Success.GetUsername(), username)
			}
		}},
		{"GlobalSignOut", func(t *testing.T) {
			resp, err := auth.GlobalSignOut(ctx(t), &identityv1.GlobalSignOutRequest{AccessToken: accessToken})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := resp.Result.(*identityv1.GlobalSignOutResponse_Success); !ok {
				t.Fatalf("GlobalSignOut: want success, got %T %v", resp.Result, resp.Result)
			}
		}},
		{"GetUserAfterSignOut", func(t *testing.T) {
			resp, err := auth.GetUser(ctx(t), &identityv1.GetUserRequest{AccessToken: accessToken})
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := resp.Result.(*identityv1.GetUserResponse_NotAuthorized); !ok {
				t.Fatalf("GetUser after GlobalSignOut: want not_authorized, got %T %v", resp.Result, resp.Result)
			}
		}},
	}
	for _, s := range steps {
		if !t.Run(s.name, s.run) {
			t.FailNow() // later steps depend on this one
		}
	}
}

// TestUnknownUserIsMasked: with PreventUserExistenceErrors ENABLED an unknown user gets the same
// not_authorized arm as a wrong password.
func TestUnknownUserIsMasked(t *testing.T) {
	tg := targetFromEnv(t)
	auth := dial(t, tg)
	resp, err := auth.InitiateAuth(ctx(t), &identityv1.InitiateAuthRequest{
		ClientId:       tg.clientID,
		AuthFlow:       identityv1.AuthFlow_AUTH_FLOW_USER_PASSWORD_AUTH,
		AuthParameters: map[string]string{"USERNAME": "nobody-" + randomSuffix(), "PASSWORD": "Passw0rd!Nobody"},
	})
	if err != nil {
		t.Fatal(err)
	}
	switch r := resp.Result.(type) {
	case *identityv1.InitiateAuthResponse_NotAuthorized:
		if got := r.NotAuthorized.GetMessage(); got != "Incorrect username or password." {
			t.Fatalf("not_authorized message %q", got)
		}
	default:
		t.Fatalf("want not_authorized, got %T %v", r, r)
	}
}
