package auth

import (
	"context"
	"time"

	"golang.org/x/oauth2"

	identityv1 "github.com/identity-service/identity/clients/go/gen/identity/v1"
)

// ClientTokenError is GetClientToken answering an error arm (Arm, e.g. not_authorized) instead of a token.
type ClientTokenError struct {
	Arm     string
	Message string
}

func (e *ClientTokenError) Error() string { return e.Arm + ": " + e.Message }

// GetClientTokenSource is an oauth2.TokenSource calling AuthService.GetClientToken (the
// client-credentials grant over gRPC). Wrap it in Cached for caching and early refresh.
func GetClientTokenSource(ctx context.Context, client identityv1.AuthServiceClient, clientID, secret string, scopes []string) oauth2.TokenSource {
	return &getClientToken{ctx: context.WithoutCancel(ctx), client: client, req: &identityv1.GetClientTokenRequest{ClientId: clientID, Secret: secret, Scopes: scopes}}
}

type getClientToken struct {
	ctx    context.Context
	client identityv1.AuthServiceClient
	req    *identityv1.GetClientTokenRequest
}

func (g *getClientToken) Token() (*oauth2.Token, error) {
	ctx, cancel := context.WithTimeout(g.ctx, 10*time.Second)
	defer cancel()
	resp, err := g.client.GetClientToken(ctx, g.req)
	if err != nil {
		return nil, err
	}
	if ok := resp.GetSuccess(); ok != nil {
		return &oauth2.Token{AccessToken: ok.GetAccessToken(), TokenType: "Bearer", Expiry: time.Now().Add(time.Duration(ok.GetExpiresIn()) * time.Second)}, nil
	}
	return nil, clientTokenError(resp)
}

// clientTokenError names the answered arm (its proto field name) and carries its message.
func clientTokenError(resp *identityv1.GetClientTokenResponse) error {
	m := resp.ProtoReflect()
	oneof := m.Descriptor().Oneofs().ByName("result")
	field := m.WhichOneof(oneof)
	if field == nil {
		return &ClientTokenError{Arm: "none", Message: "the response has no result arm"}
	}
	arm := m.Get(field).Message().Interface()
	msg := ""
	if withMessage, ok := arm.(interface{ GetMessage() string }); ok {
		msg = withMessage.GetMessage()
	}
	return &ClientTokenError{Arm: string(field.Name()), Message: msg}
}
