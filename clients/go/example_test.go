package identity_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	identity "github.com/identity-service/identity/clients/go"
	identityv1 "github.com/identity-service/identity/clients/go/gen/identity/v1"
)

func ExampleSecretHash() {
	fmt.Println(identity.SecretHash("test", "123abd", "clientSecret"))
	// Output: LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg=
}

// Signs in with USER_PASSWORD_AUTH and handles the result oneof with a type switch. Domain outcomes
// arrive with status OK as arms of Result; err is only for transport problems. (Compiled, not run:
// it needs a live server.)
func Example_signIn() {
	conn, err := grpc.NewClient("127.0.0.1:50151", grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	auth := identityv1.NewAuthServiceClient(conn)

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	resp, err := auth.InitiateAuth(ctx, &identityv1.InitiateAuthRequest{
		ClientId:       "abcdefghijklmnopqrstuvwxyz",
		AuthFlow:       identityv1.AuthFlow_AUTH_FLOW_USER_PASSWORD_AUTH,
		AuthParameters: map[string]string{"USERNAME": "alice", "PASSWORD": "Passw0rd!"},
	})
	if err != nil {
		log.Fatal(err) // transport: UNAVAILABLE, DEADLINE_EXCEEDED, ...
	}
	switch r := resp.Result.(type) {
	case *identityv1.InitiateAuthResponse_AuthenticationResult:
		fmt.Println("signed in; token expires in", r.AuthenticationResult.GetExpiresIn())
	case *identityv1.InitiateAuthResponse_Challenge:
		fmt.Println("answer challenge", r.Challenge.GetChallengeName())
	case *identityv1.InitiateAuthResponse_NotAuthorized:
		fmt.Println(r.NotAuthorized.GetMessage()) // "Incorrect username or password."
	case nil:
		log.Fatal("no result: the server may be newer than this SDK")
	default:
		fmt.Printf("other outcome: %T\n", r)
	}
}
