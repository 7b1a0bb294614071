// Billing, a Go service (grpc-go). It is both sides of service-to-service auth:
//   - receiving: every call needs a pool access token, checked by the SDK's interceptors
//     (/billing.v1.Billing/GetInvoice needs billing/read, /billing.v1.Billing/VoidInvoice billing/write);
//   - calling: it calls Orders (TypeScript) with its own client-credentials token, fetched from the
//     pool's token endpoint by golang.org/x/oauth2/clientcredentials, cached and refreshed by the SDK,
//     attached as PerRPCCredentials.
//
// Env: IDP_ISSUER, BILLING_ALLOWED_CLIENTS (comma-separated), BILLING_CLIENT_ID, BILLING_CLIENT_SECRET,
// ORDERS_ADDR, BILLING_ADDR (default 127.0.0.1:0). Prints "billing listening on HOST:PORT" once serving.
package main

import (
	"context"
	"fmt"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/types/known/wrapperspb"

	"github.com/identity-service/identity/clients/go/auth"
)

type billing struct {
	orders *grpc.ClientConn
}

// GetInvoice fetches the order from Orders with Billing's own token (scope orders/read).
func (b *billing) GetInvoice(ctx context.Context, in *wrapperspb.StringValue) (*wrapperspb.StringValue, error) {
	caller := auth.ClaimsFromContext(ctx).ClientID
	order := new(wrapperspb.StringValue)
	// A new outgoing context: the caller's token is never forwarded, Billing speaks for itself.
	octx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := b.orders.Invoke(octx, "/orders.v1.Orders/GetOrder", in, order); err != nil {
		return nil, err
	}
	return wrapperspb.String(fmt.Sprintf("invoice for %s (asked by %s)", order.GetValue(), caller)), nil
}

// VoidInvoice cancels the order, which needs orders/write: Billing's client is not allowed that scope,
// so Orders answers PERMISSION_DENIED and Billing passes the status on.
func (b *billing) VoidInvoice(ctx context.Context, in *wrapperspb.StringValue) (*wrapperspb.StringValue, error) {
	out := new(wrapperspb.StringValue)
	octx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := b.orders.Invoke(octx, "/orders.v1.Orders/CancelOrder", in, out); err != nil {
		return nil, err
	}
	return out, nil
}

func main() {
	env := func(name, fallback string) string {
		if v := os.Getenv(name); v != "" {
			return v
		}
		if fallback == "" {
			log.Fatalf("%s is required", name)
		}
		return fallback
	}
	issuer := env("IDP_ISSUER", "")
	ctx := context.Background()

	verifier, err := auth.NewVerifier(auth.Config{Issuer: issuer, ClientIDs: strings.Split(env("BILLING_ALLOWED_CLIENTS", ""), ",")})
	if err != nil {
		log.Fatal(err)
	}
	if err := verifier.JWKS().Refresh(ctx); err != nil { // fetch the keys now, so no request waits for them
		log.Fatal(err)
	}
	policy := &auth.Policy{Methods: map[string]*auth.MethodRule{
		"/billing.v1.Billing/GetInvoice":  auth.Require("billing/read"),
		"/billing.v1.Billing/VoidInvoice": auth.Require("billing/write"),
	}}

	tokens := auth.NewTokenSource(ctx, auth.ClientCredentials{
		TokenURL:     issuer + "/oauth2/token",
		ClientID:     env("BILLING_CLIENT_ID", ""),
		ClientSecret: env("BILLING_CLIENT_SECRET", ""),
		Scopes:       []string{"orders/read"},
	})
	// Plaintext loopback in this example, so the credentials may travel without TLS; keep true in production.
	orders, err := grpc.NewClient(env("ORDERS_ADDR", ""), grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithPerRPCCredentials(auth.PerRPCCredentials(tokens, false)))
	if err != nil {
		log.Fatal(err)
	}
	defer orders.Close()

	server := grpc.NewServer(
		grpc.ChainUnaryInterceptor(verifier.UnaryServerInterceptor(policy)),
		grpc.ChainStreamInterceptor(verifier.StreamServerInterceptor(policy)),
	)
	registerBilling(server, &billing{orders: orders})
	lis, err := net.Listen("tcp", env("BILLING_ADDR", "127.0.0.1:0"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("billing listening on %s\n", lis.Addr())
	go func() {
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, syscall.SIGTERM, os.Interrupt)
		<-stop
		server.GracefulStop()
	}()
	if err := server.Serve(lis); err != nil {
		log.Fatal(err)
	}
}

// registerBilling registers billing.v1.Billing by hand (StringValue in and out), so the example needs
// no generated code.
func registerBilling(s *grpc.Server, b *billing) {
	unary := func(name string, fn func(context.Context, *wrapperspb.StringValue) (*wrapperspb.StringValue, error)) grpc.MethodDesc {
		full := "/billing.v1.Billing/" + name
		return grpc.MethodDesc{MethodName: name, Handler: func(_ any, ctx context.Context, dec func(any) error, interceptor grpc.UnaryServerInterceptor) (any, error) {
			in := new(wrapperspb.StringValue)
			if err := dec(in); err != nil {
				return nil, err
			}
			handler := func(ctx context.Context, req any) (any, error) { return fn(ctx, req.(*wrapperspb.StringValue)) }
			if interceptor == nil {
				return handler(ctx, in)
			}
			return interceptor(ctx, in, &grpc.UnaryServerInfo{Server: b, FullMethod: full}, handler)
		}}
	}
	s.RegisterService(&grpc.ServiceDesc{
		ServiceName: "billing.v1.Billing",
		HandlerType: (*any)(nil),
		Methods:     []grpc.MethodDesc{unary("GetInvoice", b.GetInvoice), unary("VoidInvoice", b.VoidInvoice)},
		Metadata:    "billing.v1",
	}, b)
}
