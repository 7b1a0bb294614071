package auth

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials/insecure"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// claimsHealth answers SERVING only when the interceptor put the expected claims in the context, so a
// passing call proves the handler saw them.
type claimsHealth struct {
	healthpb.UnimplementedHealthServer
}

func servingIfClaims(ctx context.Context) healthpb.HealthCheckResponse_ServingStatus {
	if c := ClaimsFromContext(ctx); c != nil && c.ClientID == testClientID && c.HasScope("orders/read") {
		return healthpb.HealthCheckResponse_SERVING
	}
	return healthpb.HealthCheckResponse_NOT_SERVING
}

func (claimsHealth) Check(ctx context.Context, _ *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	return &healthpb.HealthCheckResponse{Status: servingIfClaims(ctx)}, nil
}

func (claimsHealth) Watch(_ *healthpb.HealthCheckRequest, stream grpc.ServerStreamingServer[healthpb.HealthCheckResponse]) error {
	return stream.Send(&healthpb.HealthCheckResponse{Status: servingIfClaims(stream.Context())})
}

func (claimsHealth) List(ctx context.Context, _ *healthpb.HealthListRequest) (*healthpb.HealthListResponse, error) {
	return &healthpb.HealthListResponse{}, nil
}

func startServer(t *testing.T, v *Verifier, policy *Policy) string {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := grpc.NewServer(grpc.ChainUnaryInterceptor(v.UnaryServerInterceptor(policy)), grpc.ChainStreamInterceptor(v.StreamServerInterceptor(policy)))
	healthpb.RegisterHealthServer(srv, claimsHealth{})
	go func() { _ = srv.Serve(lis) }()
	t.Cleanup(srv.Stop)
	return lis.Addr().String()
}

func dial(t *testing.T, addr string, opts ...grpc.DialOption) healthpb.HealthClient {
	t.Helper()
	conn, err := grpc.NewClient(addr, append([]grpc.DialOption{grpc.WithTransportCredentials(insecure.NewCredentials())}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = conn.Close() })
	return healthpb.NewHealthClient(conn)
}

func withBearer(tok string) context.Context {
	return metadata.AppendToOutgoingContext(context.Background(), "authorization", "Bearer "+tok)
}

var testPolicy = &Policy{Methods: map[string]*MethodRule{
	healthpb.Health_Check_FullMethodName: Require("orders/read"),
	healthpb.Health_Watch_FullMethodName: Require("orders/read"),
	healthpb.Health_List_FullMethodName:  Public,
}}

func TestUnaryInterceptor(t *testing.T) {
	k := newKey(t)
	v := newVerifier(t, newJWKSServer(t, k), nil)
	client := dial(t, startServer(t, v, testPolicy))

	resp, err := client.Check(withBearer(token(t, k, nil)), &healthpb.HealthCheckRequest{})
	if err != nil || resp.Status != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("allowed scope: %v %v", resp, err)
	}
	_, err = client.Check(withBearer(token(t, k, map[string]any{"scope": "orders/write"})), &healthpb.HealthCheckRequest{})
	if status.Code(err) != codes.PermissionDenied || !strings.HasPrefix(status.Convert(err).Message(), "scope: ") {
		t.Fatalf("missing scope: %v", err)
	}
	for name, ctx := range map[string]context.Context{
		"no token":     context.Background(),
		"tampered":     withBearer(tamperSignature(token(t, k, nil))),
		"wrong scheme": metadata.AppendToOutgoingContext(context.Background(), "authorization", "Basic dXNlcjpwYXNz"),
	} {
		if _, err := client.Check(ctx, &healthpb.HealthCheckRequest{}); status.Code(err) != codes.Unauthenticated {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if _, err := client.List(context.Background(), &healthpb.HealthListRequest{}); err != nil {
		t.Fatalf("public method: %v", err)
	}
}

func TestUnlistedMethodIsRefused(t *testing.T) {
	k := newKey(t)
	v := newVerifier(t, newJWKSServer(t, k), nil)
	client := dial(t, startServer(t, v, &Policy{Methods: map[string]*MethodRule{}}))
	if _, err := client.Check(withBearer(token(t, k, nil)), &healthpb.HealthCheckRequest{}); status.Code(err) != codes.PermissionDenied {
		t.Fatalf("unlisted: %v", err)
	}
}

func TestStreamInterceptor(t *testing.T) {
	k := newKey(t)
	v := newVerifier(t, newJWKSServer(t, k), nil)
	client := dial(t, startServer(t, v, testPolicy))

	stream, err := client.Watch(withBearer(token(t, k, nil)), &healthpb.HealthCheckRequest{})
	if err != nil {
		t.Fatal(err)
	}
	msg, err := stream.Recv()
	if err != nil || msg.Status != healthpb.HealthCheckResponse_SERVING {
		t.Fatalf("stream with scope: %v %v", msg, err)
	}
	for name, want := range map[string]codes.Code{"": codes.Unauthenticated, "orders/write": codes.PermissionDenied} {
		ctx := context.Background()
		if name != "" {
			ctx = withBearer(token(t, k, map[string]any{"scope": name}))
		}
		stream, err := client.Watch(ctx, &healthpb.HealthCheckRequest{})
		if err == nil {
			_, err = stream.Recv()
		}
		if status.Code(err) != want || err == io.EOF {
			t.Fatalf("stream %q: want %v, got %v", name, want, err)
		}
	}
}

// tokenEndpoint is a loopback OAuth 2.0 token endpoint (RFC 6749 §4.4) handing out tok, counting requests.
func tokenEndpoint(t *testing.T, tok string, expiresIn int) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		id, secret, ok := r.BasicAuth()
		if !ok || id != testClientID || secret != "s3cret" || r.FormValue("grant_type") != "client_credentials" {
			w.Header().Set("content-type", "application/json")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = io.WriteString(w, `{"error":"invalid_client"}`)
			return
		}
		w.Header().Set("content-type", "application/json")
		_, _ = io.WriteString(w, `{"access_token":"`+tok+`","token_type":"Bearer","expires_in":`+itoa(expiresIn)+`}`)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestTokenSourceCachesAndRefreshesOnce(t *testing.T) {
	k := newKey(t)
	v := newVerifier(t, newJWKSServer(t, k), nil)
	addr := startServer(t, v, testPolicy)
	endpoint, fetches := tokenEndpoint(t, token(t, k, nil), 3600)
	src := NewTokenSource(context.Background(), ClientCredentials{TokenURL: endpoint.URL, ClientID: testClientID, ClientSecret: "s3cret", Scopes: []string{"orders/read"}})
	client := dial(t, addr, grpc.WithPerRPCCredentials(PerRPCCredentials(src, false)))

	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := client.Check(context.Background(), &healthpb.HealthCheckRequest{})
			if err == nil && resp.Status != healthpb.HealthCheckResponse_SERVING {
				err = status.Error(codes.Internal, "handler saw no claims")
			}
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	if fetches.Load() != 1 {
		t.Fatalf("40 concurrent calls fetched %d tokens, want 1", fetches.Load())
	}
}

func TestTokenSourceRefreshesInsideTheWindow(t *testing.T) {
	k := newKey(t)
	// expires_in 30 s with RefreshBefore 60 s: every token is already inside its refresh window.
	endpoint, fetches := tokenEndpoint(t, token(t, k, nil), 30)
	src := NewTokenSource(context.Background(), ClientCredentials{TokenURL: endpoint.URL, ClientID: testClientID, ClientSecret: "s3cret", RefreshBefore: 60 * time.Second})
	for i := 0; i < 3; i++ {
		if _, err := src.Token(); err != nil {
			t.Fatal(err)
		}
	}
	if fetches.Load() != 3 {
		t.Fatalf("%d fetches, want 3", fetches.Load())
	}
}

func TestTokenSourceWrongSecret(t *testing.T) {
	endpoint, _ := tokenEndpoint(t, "x", 3600)
	src := NewTokenSource(context.Background(), ClientCredentials{TokenURL: endpoint.URL, ClientID: testClientID, ClientSecret: "wrong"})
	_, err := src.Token()
	var re *oauth2.RetrieveError
	if !errors.As(err, &re) || re.ErrorCode != "invalid_client" {
		t.Fatalf("want invalid_client, got %v", err)
	}
}
