// aws-sdk-go-v2's cognitoidentityprovider, unmodified, against the live AWS JSON endpoint
// (scripts/aws-json/test.sh starts the server): public operations unsigned, admin ones signed.
package e2e

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider/types"
	"github.com/aws/smithy-go"
)

const password = "Correct-Horse-1"

func env(t *testing.T, name string) string {
	t.Helper()
	v := os.Getenv(name)
	if v == "" {
		t.Fatalf("%s is not set (run through scripts/aws-json/test.sh)", name)
	}
	return v
}

func client(t *testing.T, provider aws.CredentialsProvider) *cip.Client {
	return cip.New(cip.Options{
		Region:           "us-east-1",
		BaseEndpoint:     aws.String(env(t, "AWS_JSON_ENDPOINT")),
		Credentials:      provider,
		RetryMaxAttempts: 1,
	})
}

func admin(t *testing.T) *cip.Client {
	return client(t, credentials.NewStaticCredentialsProvider(env(t, "AWS_ACCESS_KEY_ID"), env(t, "AWS_SECRET_ACCESS_KEY"), ""))
}

func unique(prefix string) string {
	b := make([]byte, 4)
	_, _ = rand.Read(b)
	return prefix + "-" + hex.EncodeToString(b)
}

func TestSignUpAdminConfirmSignInGetUser(t *testing.T) {
	ctx := context.Background()
	open, signed := client(t, nil), admin(t)
	pool, clientID, name := env(t, "IDP_POOL_ID"), env(t, "IDP_CLIENT_ID"), unique("go")
	up, err := open.SignUp(ctx, &cip.SignUpInput{ClientId: &clientID, Username: &name, Password: aws.String(password),
		UserAttributes: []types.AttributeType{{Name: aws.String("email"), Value: aws.String(name + "@example.com")}}})
	if err != nil {
		t.Fatalf("SignUp: %v", err)
	}
	if up.UserConfirmed || up.CodeDeliveryDetails == nil || up.CodeDeliveryDetails.DeliveryMedium != types.DeliveryMediumTypeEmail {
		t.Fatalf("SignUp answered %+v", up)
	}
	if _, err := signed.AdminConfirmSignUp(ctx, &cip.AdminConfirmSignUpInput{UserPoolId: &pool, Username: &name}); err != nil {
		t.Fatalf("AdminConfirmSignUp: %v", err)
	}
	auth, err := open.InitiateAuth(ctx, &cip.InitiateAuthInput{ClientId: &clientID, AuthFlow: types.AuthFlowTypeUserPasswordAuth,
		AuthParameters: map[string]string{"USERNAME": name, "PASSWORD": password}})
	if err != nil {
		t.Fatalf("InitiateAuth: %v", err)
	}
	if auth.AuthenticationResult == nil || auth.AuthenticationResult.ExpiresIn != 3600 || aws.ToString(auth.AuthenticationResult.TokenType) != "Bearer" {
		t.Fatalf("InitiateAuth answered %+v", auth)
	}
	user, err := open.GetUser(ctx, &cip.GetUserInput{AccessToken: auth.AuthenticationResult.AccessToken})
	if err != nil || aws.ToString(user.Username) != name {
		t.Fatalf("GetUser: %v %+v", err, user)
	}
}

func TestUnknownUserGetsNotAuthorized(t *testing.T) {
	clientID := env(t, "IDP_CLIENT_ID")
	_, err := client(t, nil).InitiateAuth(context.Background(), &cip.InitiateAuthInput{ClientId: &clientID, AuthFlow: types.AuthFlowTypeUserPasswordAuth,
		AuthParameters: map[string]string{"USERNAME": unique("nobody"), "PASSWORD": "Wrong-Password-9"}})
	var notAuthorized *types.NotAuthorizedException
	if !errors.As(err, &notAuthorized) || notAuthorized.ErrorMessage() != "Incorrect username or password." {
		t.Fatalf("want NotAuthorizedException, got %v", err)
	}
}

func TestAdminCreateGetDisableDelete(t *testing.T) {
	ctx := context.Background()
	signed, pool, name := admin(t), env(t, "IDP_POOL_ID"), unique("go-admin")
	if _, err := signed.AdminCreateUser(ctx, &cip.AdminCreateUserInput{UserPoolId: &pool, Username: &name, MessageAction: types.MessageActionTypeSuppress}); err != nil {
		t.Fatalf("AdminCreateUser: %v", err)
	}
	got, err := signed.AdminGetUser(ctx, &cip.AdminGetUserInput{UserPoolId: &pool, Username: &name})
	if err != nil {
		t.Fatalf("AdminGetUser: %v", err)
	}
	if got.UserStatus != types.UserStatusTypeForceChangePassword || !got.Enabled || got.UserCreateDate == nil || time.Since(*got.UserCreateDate) > time.Hour {
		t.Fatalf("AdminGetUser answered %+v", got)
	}
	if _, err := signed.AdminDisableUser(ctx, &cip.AdminDisableUserInput{UserPoolId: &pool, Username: &name}); err != nil {
		t.Fatalf("AdminDisableUser: %v", err)
	}
	if _, err := signed.AdminDeleteUser(ctx, &cip.AdminDeleteUserInput{UserPoolId: &pool, Username: &name}); err != nil {
		t.Fatalf("AdminDeleteUser: %v", err)
	}
	_, err = signed.AdminGetUser(ctx, &cip.AdminGetUserInput{UserPoolId: &pool, Username: &name})
	var notFound *types.UserNotFoundException
	if !errors.As(err, &notFound) {
		t.Fatalf("want UserNotFoundException, got %v", err)
	}
}

func TestListUsersPaginator(t *testing.T) {
	ctx := context.Background()
	signed, pool := admin(t), env(t, "IDP_POOL_ID")
	for i := 0; i < 3; i++ {
		if _, err := signed.AdminCreateUser(ctx, &cip.AdminCreateUserInput{UserPoolId: &pool, Username: aws.String(unique("go-page")), MessageAction: types.MessageActionTypeSuppress}); err != nil {
			t.Fatalf("AdminCreateUser: %v", err)
		}
	}
	pages, users := 0, 0
	paginator := cip.NewListUsersPaginator(signed, &cip.ListUsersInput{UserPoolId: &pool, Limit: aws.Int32(1)})
	for paginator.HasMorePages() {
		page, err := paginator.NextPage(ctx)
		if err != nil {
			t.Fatalf("ListUsers: %v", err)
		}
		pages++
		users += len(page.Users)
	}
	if pages < 3 || users < 3 {
		t.Fatalf("paginated %d pages, %d users", pages, users)
	}
}

func TestDescribeUserPool(t *testing.T) {
	pool := env(t, "IDP_POOL_ID")
	out, err := admin(t).DescribeUserPool(context.Background(), &cip.DescribeUserPoolInput{UserPoolId: &pool})
	if err != nil || aws.ToString(out.UserPool.Id) != pool || out.UserPool.CreationDate == nil {
		t.Fatalf("DescribeUserPool: %v %+v", err, out)
	}
}

func TestWrongSecretIsRefusedAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	pool, name := env(t, "IDP_POOL_ID"), unique("go-forged")
	forged := client(t, credentials.NewStaticCredentialsProvider(env(t, "AWS_ACCESS_KEY_ID"), "not-the-secret-00000000000000000000", ""))
	_, err := forged.AdminCreateUser(ctx, &cip.AdminCreateUserInput{UserPoolId: &pool, Username: &name, MessageAction: types.MessageActionTypeSuppress})
	var api smithy.APIError
	if !errors.As(err, &api) || api.ErrorCode() != "InvalidSignatureException" {
		t.Fatalf("want InvalidSignatureException, got %v", err)
	}
	_, err = admin(t).AdminGetUser(ctx, &cip.AdminGetUserInput{UserPoolId: &pool, Username: &name})
	var notFound *types.UserNotFoundException
	if !errors.As(err, &notFound) {
		t.Fatalf("the forged call changed something: %v", err)
	}
}
