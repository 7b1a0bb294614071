package auth

import (
	"context"
	"regexp"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// MethodRule is what callers of one method must hold; Public means no token is needed (health checks).
type MethodRule struct {
	Requirement
	Public bool
}

// Public is the rule for methods open to anyone.
var Public = &MethodRule{Public: true}

// Require is a rule needing every scope listed.
func Require(scopes ...string) *MethodRule { return &MethodRule{Requirement: Requirement{Scopes: scopes}} }

// Policy maps full method names (`/package.Service/Method`) to rules. Methods not listed use Default;
// with no Default they are refused with PERMISSION_DENIED (fail closed).
type Policy struct {
	Methods map[string]*MethodRule
	Default *MethodRule
}

type claimsKey struct{}

// ClaimsFromContext returns the verified claims the interceptor put in the call's context (nil for public methods).
func ClaimsFromContext(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

// ContextWithClaims is what the interceptors do; exported for handlers' own tests.
func ContextWithClaims(ctx context.Context, c *Claims) context.Context {
	return context.WithValue(ctx, claimsKey{}, c)
}

var bearerPattern = regexp.MustCompile(`^(?i:bearer) +([A-Za-z0-9._~+/-]+=*)$`)

// BearerToken returns the token of `authorization: Bearer …` metadata (RFC 6750 §2.1), or "".
func BearerToken(ctx context.Context) string {
	md, _ := metadata.FromIncomingContext(ctx)
	values := md.Get("authorization")
	if len(values) != 1 {
		return ""
	}
	if m := bearerPattern.FindStringSubmatch(values[0]); m != nil {
		return m[1]
	}
	return ""
}

// StatusOf is the gRPC status for a failed check: PERMISSION_DENIED for scope/group, UNAVAILABLE when the
// keys cannot be fetched, UNAUTHENTICATED otherwise.
func StatusOf(err *VerificationError) *status.Status {
	code := codes.Unauthenticated
	if err.Forbidden() {
		code = codes.PermissionDenied
	} else if err.Check == CheckJWKSUnavailable {
		code = codes.Unavailable
	}
	return status.New(code, err.Error())
}

// Authenticate verifies the call's bearer token against the rule for method and returns the context
// carrying the claims, or the gRPC status error to answer.
func (v *Verifier) Authenticate(ctx context.Context, method string, policy *Policy) (context.Context, error) {
	rule, ok := policy.Methods[method]
	if !ok {
		rule = policy.Default
	}
	if rule != nil && rule.Public {
		return ctx, nil
	}
	token := BearerToken(ctx)
	if token == "" {
		return nil, StatusOf(fail(CheckMissingToken, "no authorization: Bearer metadata")).Err()
	}
	req := Requirement{}
	if rule != nil {
		req = rule.Requirement
	}
	claims, err := v.VerifyFor(ctx, token, req)
	if err != nil {
		return nil, StatusOf(asVerificationError(err)).Err()
	}
	if rule == nil {
		return nil, StatusOf(fail(CheckScope, "method has no access rule")).Err()
	}
	return ContextWithClaims(ctx, claims), nil
}

// UnaryServerInterceptor verifies each unary call per policy (grpc.ChainUnaryInterceptor(v.UnaryServerInterceptor(p))).
func (v *Verifier) UnaryServerInterceptor(policy *Policy) grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		ctx, err := v.Authenticate(ctx, info.FullMethod, policy)
		if err != nil {
			return nil, err
		}
		return handler(ctx, req)
	}
}

// StreamServerInterceptor verifies each streaming call per policy before the handler runs.
func (v *Verifier) StreamServerInterceptor(policy *Policy) grpc.StreamServerInterceptor {
	return func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		ctx, err := v.Authenticate(ss.Context(), info.FullMethod, policy)
		if err != nil {
			return err
		}
		return handler(srv, &streamWithContext{ServerStream: ss, ctx: ctx})
	}
}

type streamWithContext struct {
	grpc.ServerStream
	ctx context.Context
}

func (s *streamWithContext) Context() context.Context { return s.ctx }
