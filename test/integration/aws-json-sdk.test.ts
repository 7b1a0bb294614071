import {
  AdminCreateUserCommand, AdminDeleteUserCommand, AdminDisableUserCommand, AdminGetUserCommand, AdminInitiateAuthCommand, AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand, CognitoIdentityProviderClient, ConfirmSignUpCommand, CreateUserPoolClientCommand, CreateUserPoolCommand,
  DeleteUserPoolCommand, DescribeUserPoolClientCommand, DescribeUserPoolCommand, ForgotPasswordCommand, GetUserCommand, GlobalSignOutCommand,
  InitiateAuthCommand, NotAuthorizedException, paginateListUserPools, paginateListUsers, SignUpCommand, UpdateUserPoolClientCommand,
  UpdateUserPoolCommand, UserNotFoundException, UsernameExistsException,
} from "@aws-sdk/client-cognito-identity-provider";
import { expect } from "chai";
import {
  AdminAddUserToGroupCommand, AdminListGroupsForUserCommand, CreateGroupCommand, CreateResourceServerCommand, DeleteGroupCommand,
  DescribeResourceServerCommand, GetGroupCommand, ListGroupsCommand, ListUsersInGroupCommand, ResourceNotFoundException,
} from "@aws-sdk/client-cognito-identity-provider";
import { ADMIN_KEY, POOL_KEY, rawPost, startAwsJsonApp, type AwsJsonApp } from "../helpers/aws-json.js";
import { ALIAS_POOL, CLIENTS, POOL } from "../helpers/test-app.js";
import { PASSWORD } from "../helpers/user-states.js";

type SdkError = Error & { $metadata: { httpStatusCode?: number; requestId?: string } };
/** The error a call failed with (a call that succeeds fails the test). */
const failure = (call: Promise<unknown>) => call.then(() => { throw new Error("the call succeeded"); }, (e: unknown) => e as SdkError);

/**
 * @aws-sdk/client-cognito-identity-provider, unmodified, against the live AWS JSON endpoint:
 * public operations unsigned (a client without credentials), admin and pool management signed
 * with SigV4 by the SDK's own signer.
 */
describe("AWS JSON endpoint: @aws-sdk/client-cognito-identity-provider", () => {
  let s: AwsJsonApp;
  let open: CognitoIdentityProviderClient;
  let admin: CognitoIdentityProviderClient;
  const sent: { operation: string; authorization: boolean }[] = [];

  before(async () => {
    s = await startAwsJsonApp();
    open = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: s.endpoint, maxAttempts: 1 });
    admin = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: s.endpoint, credentials: ADMIN_KEY, maxAttempts: 1 });
    // Record what the SDK put on the wire: whether each call carried a signature.
    for (const client of [open, admin]) {
      client.middlewareStack.add((next, context) => async (args) => {
        const headers = (args.request as { headers: Record<string, string> }).headers;
        const result = await next(args);
        sent.push({ operation: String(context.commandName).replace(/Command$/, ""), authorization: headers.authorization !== undefined });
        return result;
      }, { step: "finalizeRequest", priority: "low", name: "recordSignature" });
    }
  });
  after(async () => {
    open.destroy();
    admin.destroy();
    await s.t.stop();
  });

  it("signs up, confirms with the delivered code, signs in, reads the user and signs out everywhere, unsigned", async () => {
    const mark = await s.t.outboxMark(POOL);
    const signUp = await open.send(new SignUpCommand({ ClientId: CLIENTS.enabled, Username: "sdk-alice", Password: PASSWORD, UserAttributes: [{ Name: "email", Value: "sdk-alice@example.com" }] }));
    expect(signUp.UserConfirmed).to.equal(false);
    expect(signUp.UserSub).to.match(/^[0-9a-f-]{36}$/);
    expect(signUp.CodeDeliveryDetails).to.deep.equal({ Destination: "s***@e***", DeliveryMedium: "EMAIL", AttributeName: "email" });
    const code = (await s.t.nextDelivery(POOL, mark, "sdk-alice@example.com")).code!;
    await open.send(new ConfirmSignUpCommand({ ClientId: CLIENTS.enabled, Username: "sdk-alice", ConfirmationCode: code }));

    const signIn = await open.send(new InitiateAuthCommand({ ClientId: CLIENTS.enabled, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "sdk-alice", PASSWORD } }));
    const tokens = signIn.AuthenticationResult!;
    expect(tokens.TokenType).to.equal("Bearer");
    expect(tokens.ExpiresIn).to.equal(3600);
    expect(tokens.AccessToken!.split(".")).to.have.length(3);
    const user = await open.send(new GetUserCommand({ AccessToken: tokens.AccessToken }));
    expect(user.Username).to.equal("sdk-alice");
    expect(user.UserAttributes?.find((a) => a.Name === "email")?.Value).to.equal("sdk-alice@example.com");

    await open.send(new GlobalSignOutCommand({ AccessToken: tokens.AccessToken }));
    const revoked = await open.send(new GetUserCommand({ AccessToken: tokens.AccessToken })).catch((e: unknown) => e);
    expect(revoked).to.be.instanceOf(NotAuthorizedException);
    expect((revoked as NotAuthorizedException).message).to.equal("Access Token has been revoked");
    expect(sent.filter((c) => ["SignUp", "ConfirmSignUp", "InitiateAuth", "GetUser", "GlobalSignOut"].includes(c.operation)).every((c) => !c.authorization)).to.equal(true);
  });

  it("answers an unknown user's sign-in exactly as a wrong password, as the SDK's typed exception", async () => {
    const attempt = (username: string) => failure(open.send(new InitiateAuthCommand({ ClientId: CLIENTS.enabled, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: username, PASSWORD: "Wrong-Password-9" } })));
    const [unknown, wrong] = [await attempt("sdk-nobody"), await attempt("sdk-alice")];
    for (const error of [unknown, wrong]) {
      expect(error).to.be.instanceOf(NotAuthorizedException);
      expect(error.message).to.equal("Incorrect username or password.");
      expect(error.$metadata.httpStatusCode).to.equal(400);
      expect(error.$metadata.requestId).to.match(/^[0-9a-f-]{36}$/);
    }
  });

  it("maps error arms onto the SDK's exception classes (UsernameExists, UserNotFound in LEGACY)", async () => {
    const again = await open.send(new SignUpCommand({ ClientId: CLIENTS.enabled, Username: "sdk-alice", Password: PASSWORD })).catch((e: unknown) => e);
    expect(again).to.be.instanceOf(UsernameExistsException);
    const legacy = await open.send(new ForgotPasswordCommand({ ClientId: CLIENTS.legacy, Username: "sdk-nobody" })).catch((e: unknown) => e);
    expect(legacy).to.be.instanceOf(UserNotFoundException);
    expect((legacy as Error).message).to.equal("Username/client id combination not found.");
  });

  it("creates and manages a pool, a client and users with signed admin calls", async () => {
    const created = await admin.send(new CreateUserPoolCommand({
      PoolName: "sdk pool", AutoVerifiedAttributes: ["email"], UsernameAttributes: ["email"],
      Policies: { PasswordPolicy: { MinimumLength: 10, RequireLowercase: true, RequireUppercase: false, RequireNumbers: true, RequireSymbols: false } },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: "verified_email", Priority: 1 }] },
    }));
    const pool = created.UserPool!;
    expect(pool.Id).to.match(/^us-east-1_[0-9A-Za-z]+$/);
    expect(pool.CreationDate).to.be.instanceOf(Date);
    expect(Math.abs(pool.CreationDate!.getTime() - s.t.clock.nowMs)).to.be.lessThan(1000);
    expect(pool.Policies?.PasswordPolicy?.MinimumLength).to.equal(10);
    expect(pool.UsernameAttributes).to.deep.equal(["email"]);
    expect(pool.AccountRecoverySetting?.RecoveryMechanisms).to.deep.equal([{ Name: "verified_email", Priority: 1 }]);

    await admin.send(new UpdateUserPoolCommand({ UserPoolId: pool.Id, AutoVerifiedAttributes: ["email"], Policies: { PasswordPolicy: { MinimumLength: 12 } } }));
    const described = await admin.send(new DescribeUserPoolCommand({ UserPoolId: pool.Id }));
    expect(described.UserPool?.Policies?.PasswordPolicy?.MinimumLength).to.equal(12);
    expect(described.UserPool?.UsernameAttributes).to.deep.equal(["email"]);

    const client = (await admin.send(new CreateUserPoolClientCommand({
      UserPoolId: pool.Id, ClientName: "sdk app", GenerateSecret: true, ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
      AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: "hours" }, PreventUserExistenceErrors: "ENABLED",
    }))).UserPoolClient!;
    expect(client.ClientSecret).to.be.a("string").with.length.greaterThan(20);
    expect(client.AccessTokenValidity).to.equal(7200);
    expect(client.TokenValidityUnits?.AccessToken).to.equal("seconds");
    await admin.send(new UpdateUserPoolClientCommand({ UserPoolId: pool.Id, ClientId: client.ClientId, ClientName: "renamed", ExplicitAuthFlows: ["ALLOW_ADMIN_USER_PASSWORD_AUTH"] }));
    const describedClient = (await admin.send(new DescribeUserPoolClientCommand({ UserPoolId: pool.Id, ClientId: client.ClientId }))).UserPoolClient!;
    expect(describedClient.ClientName).to.equal("renamed");
    expect(describedClient.ExplicitAuthFlows).to.deep.equal(["ALLOW_ADMIN_USER_PASSWORD_AUTH"]);
    // As in Cognito, an update resets what it leaves out: the access token validity is back to 1 h.
    expect(describedClient.AccessTokenValidity).to.equal(3600);

    const made = await admin.send(new AdminCreateUserCommand({ UserPoolId: pool.Id, Username: "bob@example.com", MessageAction: "SUPPRESS", UserAttributes: [{ Name: "email_verified", Value: "true" }] }));
    expect(made.User?.UserStatus).to.equal("FORCE_CHANGE_PASSWORD");
    await admin.send(new AdminSetUserPasswordCommand({ UserPoolId: pool.Id, Username: "bob@example.com", Password: "Long-Password-12", Permanent: true }));
    await admin.send(new AdminUpdateUserAttributesCommand({ UserPoolId: pool.Id, Username: "bob@example.com", UserAttributes: [{ Name: "name", Value: "Bob" }] }));
    const bob = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.Id, Username: "bob@example.com" }));
    expect(bob.UserStatus).to.equal("CONFIRMED");
    expect(bob.Enabled).to.equal(true);
    expect(bob.UserCreateDate).to.be.instanceOf(Date);
    expect(bob.UserAttributes?.find((a) => a.Name === "name")?.Value).to.equal("Bob");

    const secretHash = (await import("node:crypto")).createHmac("sha256", client.ClientSecret!).update(`bob@example.com${client.ClientId}`).digest("base64");
    const signIn = await admin.send(new AdminInitiateAuthCommand({ UserPoolId: pool.Id, ClientId: client.ClientId, AuthFlow: "ADMIN_USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "bob@example.com", PASSWORD: "Long-Password-12", SECRET_HASH: secretHash } }));
    expect(signIn.AuthenticationResult?.ExpiresIn).to.equal(3600);

    await admin.send(new AdminDisableUserCommand({ UserPoolId: pool.Id, Username: "bob@example.com" }));
    expect((await admin.send(new AdminGetUserCommand({ UserPoolId: pool.Id, Username: "bob@example.com" }))).Enabled).to.equal(false);
    await admin.send(new AdminDeleteUserCommand({ UserPoolId: pool.Id, Username: "bob@example.com" }));
    const gone = await admin.send(new AdminGetUserCommand({ UserPoolId: pool.Id, Username: "bob@example.com" })).catch((e: unknown) => e);
    expect(gone).to.be.instanceOf(UserNotFoundException);
    await admin.send(new DeleteUserPoolCommand({ UserPoolId: pool.Id }));
    expect(sent.filter((c) => c.operation.startsWith("Admin") || c.operation.includes("UserPool")).every((c) => c.authorization)).to.equal(true);
  });

  it("pages ListUsers and ListUserPools with the SDK's paginators (PaginationToken, NextToken)", async () => {
    for (const name of ["page-a", "page-b", "page-c"]) {
      await admin.send(new AdminCreateUserCommand({ UserPoolId: ALIAS_POOL, Username: name, MessageAction: "SUPPRESS" }));
    }
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListUsers({ client: admin, pageSize: 1 }, { UserPoolId: ALIAS_POOL })) {
      pages++;
      names.push(...(page.Users ?? []).map((u) => u.Username!));
    }
    expect(names.sort()).to.deep.equal(["page-a", "page-b", "page-c"]);
    expect(pages).to.be.at.least(3);
    const pools: string[] = [];
    for await (const page of paginateListUserPools({ client: admin, pageSize: 1 }, { MaxResults: 1 })) pools.push(...(page.UserPools ?? []).map((p) => p.Id!));
    expect(pools).to.include.members([POOL, ALIAS_POOL]);
  });

  it("a pool-scoped key manages its pool and is refused elsewhere, changing nothing", async () => {
    const scoped = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: s.endpoint, credentials: POOL_KEY, maxAttempts: 1 });
    try {
      await scoped.send(new AdminCreateUserCommand({ UserPoolId: POOL, Username: "scoped-ok", MessageAction: "SUPPRESS" }));
      const refused = await failure(scoped.send(new AdminCreateUserCommand({ UserPoolId: ALIAS_POOL, Username: "scoped-no", MessageAction: "SUPPRESS" })));
      expect(refused.name).to.equal("AccessDeniedException");
      expect(refused.$metadata.httpStatusCode).to.equal(400);
      const absent = await admin.send(new AdminGetUserCommand({ UserPoolId: ALIAS_POOL, Username: "scoped-no" })).catch((e: unknown) => e);
      expect(absent).to.be.instanceOf(UserNotFoundException);
      const listing = await failure(scoped.send(new CreateUserPoolCommand({ PoolName: "not mine" })));
      expect(listing.name).to.equal("AccessDeniedException");
    } finally {
      scoped.destroy();
    }
  });

  it("refuses a wrong secret and an unknown key id with Cognito's answers, changing nothing", async () => {
    const wrong = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: s.endpoint, credentials: { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: "not-the-secret-0000000000000000" }, maxAttempts: 1 });
    const unknown = new CognitoIdentityProviderClient({ region: "us-east-1", endpoint: s.endpoint, credentials: { accessKeyId: "AKIAUNKNOWN000000000", secretAccessKey: ADMIN_KEY.secretAccessKey }, maxAttempts: 1 });
    try {
      const a = await failure(wrong.send(new AdminCreateUserCommand({ UserPoolId: POOL, Username: "forged-1", MessageAction: "SUPPRESS" })));
      expect(a.name).to.equal("InvalidSignatureException");
      expect(a.message).to.match(/^The request signature we calculated does not match/);
      const b = await failure(unknown.send(new AdminCreateUserCommand({ UserPoolId: POOL, Username: "forged-2", MessageAction: "SUPPRESS" })));
      expect(b.name).to.equal("UnrecognizedClientException");
      for (const name of ["forged-1", "forged-2"]) {
        expect(await admin.send(new AdminGetUserCommand({ UserPoolId: POOL, Username: name })).catch((e: unknown) => e)).to.be.instanceOf(UserNotFoundException);
      }
    } finally {
      wrong.destroy();
      unknown.destroy();
    }
  });

  it("serves groups, resource servers and client tokens (operations added to the contract later) with Cognito's shapes", async () => {
    const group = (await admin.send(new CreateGroupCommand({ UserPoolId: POOL, GroupName: "sdk-admins", Description: "admins", Precedence: 1 }))).Group!;
    expect(group).to.include({ GroupName: "sdk-admins", UserPoolId: POOL, Description: "admins", Precedence: 1 });
    expect(group.CreationDate).to.be.instanceOf(Date);
    expect((await admin.send(new GetGroupCommand({ UserPoolId: POOL, GroupName: "sdk-admins" }))).Group?.Description).to.equal("admins");
    await admin.send(new AdminCreateUserCommand({ UserPoolId: POOL, Username: "sdk-grouped", MessageAction: "SUPPRESS" }));
    await admin.send(new AdminAddUserToGroupCommand({ UserPoolId: POOL, Username: "sdk-grouped", GroupName: "sdk-admins" }));
    expect((await admin.send(new AdminListGroupsForUserCommand({ UserPoolId: POOL, Username: "sdk-grouped" }))).Groups?.map((g) => g.GroupName)).to.deep.equal(["sdk-admins"]);
    expect((await admin.send(new ListUsersInGroupCommand({ UserPoolId: POOL, GroupName: "sdk-admins" }))).Users?.map((u) => u.Username)).to.deep.equal(["sdk-grouped"]);
    expect((await admin.send(new ListGroupsCommand({ UserPoolId: POOL }))).Groups?.map((g) => g.GroupName)).to.include("sdk-admins");
    await admin.send(new DeleteGroupCommand({ UserPoolId: POOL, GroupName: "sdk-admins" }));
    expect(await failure(admin.send(new GetGroupCommand({ UserPoolId: POOL, GroupName: "sdk-admins" })))).to.be.instanceOf(ResourceNotFoundException);

    const server = (await admin.send(new CreateResourceServerCommand({ UserPoolId: POOL, Identifier: "https://api.example.com", Name: "api", Scopes: [{ ScopeName: "read", ScopeDescription: "read it" }] }))).ResourceServer!;
    expect(server.Scopes).to.deep.equal([{ ScopeName: "read", ScopeDescription: "read it" }]);
    expect((await admin.send(new DescribeResourceServerCommand({ UserPoolId: POOL, Identifier: "https://api.example.com" }))).ResourceServer?.Name).to.equal("api");
    const machine = (await admin.send(new CreateUserPoolClientCommand({
      UserPoolId: POOL, ClientName: "machine", GenerateSecret: true, ExplicitAuthFlows: ["ALLOW_CLIENT_TOKEN_AUTH" as never],
      AllowedOAuthFlows: ["client_credentials"], AllowedOAuthScopes: ["https://api.example.com/read"], AllowedOAuthFlowsUserPoolClient: true,
    }))).UserPoolClient!;
    expect(machine.AllowedOAuthFlows).to.deep.equal(["client_credentials"]);
    expect(machine.AllowedOAuthScopes).to.deep.equal(["https://api.example.com/read"]);
    // GetClientToken is the contract's (Cognito's own is the OAuth token endpoint): open, like InitiateAuth.
    const token = await rawPost(s.endpoint, "GetClientToken", JSON.stringify({ ClientId: machine.ClientId, Secret: machine.ClientSecret, Scopes: ["https://api.example.com/read"] }));
    expect(token.status, token.text).to.equal(200);
    expect(token.json).to.include({ TokenType: "Bearer" });
    expect(String(token.json.AccessToken).split(".")).to.have.length(3);
  });
});
