import { createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { DescService } from "@bufbuild/protobuf";
import { expect } from "chai";
import { AwsError, COGNITO_EXCEPTIONS, exceptionOf } from "../../../src/aws-json/errors.js";
import { genericOperations } from "../../../src/aws-json/generic.js";
import { OPERATIONS } from "../../../src/aws-json/operations.js";
import { operationNamed } from "../../../src/aws-json/server.js";
import { Members } from "../../../src/aws-json/shapes.js";
import { AuthFlow, UserStatus } from "../../../src/gen/identity/v1/common.js";
import { descriptorSet } from "../../../src/gen/descriptors.js";

/** How bufbuild names the file of the error messages (without its extension). */
const ERRORS_FILE = "identity/v1/errors";
const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSet));
const services = ["identity.v1.AuthService", "identity.v1.AdminService"].map((name) => registry.getService(name)!) as DescService[];

describe("aws-json operation table", () => {
  it("maps every error arm of every response onto a Cognito exception name", () => {
    const unknown: string[] = [];
    let checked = 0;
    for (const service of services) {
      for (const method of service.methods) {
        for (const field of method.output.fields) {
          if (field.message?.file.name !== ERRORS_FILE) continue;
          checked++;
          if (!COGNITO_EXCEPTIONS.has(exceptionOf(field.localName))) unknown.push(`${method.name}.${field.name}`);
        }
      }
    }
    expect(unknown).to.deep.equal([]);
    expect(checked, "error arms found").to.be.greaterThan(200);
  });

  it("serves contract RPCs under their own names, calling that RPC, signed exactly for AdminService", () => {
    for (const service of services) {
      for (const method of service.methods) {
        const operation = OPERATIONS[method.name];
        if (!operation) continue;
        expect(operation.method).to.equal(method.localName);
        expect(operation.signed).to.equal(service.name === "AdminService");
      }
    }
  });

  it("names as success arms only arms that are not errors", () => {
    for (const service of services) {
      for (const method of service.methods) {
        const errorArms = method.output.fields.filter((f) => f.message?.file.name === ERRORS_FILE).map((f) => f.localName);
        expect(errorArms.length, method.name).to.be.greaterThan(0);
        if (!OPERATIONS[method.name]) continue;
        const successArms = Object.keys(OPERATIONS[method.name]!.success);
        expect(successArms.filter((a) => errorArms.includes(a)), method.name).to.deep.equal([]);
        expect(successArms.length, method.name).to.be.greaterThan(0);
      }
    }
  });

  it("serves every RPC of AuthService and AdminService: by its table entry, or through the descriptors", () => {
    for (const service of services) {
      for (const method of service.methods) {
        const operation = operationNamed(method.name);
        expect(operation, method.name).to.not.equal(undefined);
        expect(operation!.method).to.equal(method.localName);
        expect(operation!.signed).to.equal(service.name === "AdminService");
      }
    }
  });

  describe("the descriptor-driven fallback (an RPC added without a table entry)", () => {
    const generic = genericOperations();
    const translation = { region: "us-east-1", call: async () => undefined };

    it("reads Cognito member names, enum names and maps into the request message", async () => {
      const request = await generic.get("InitiateAuth")!.request(new Members({ ClientId: "c", AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "u", PASSWORD: "p" } }), translation);
      expect(request).to.deep.equal({ clientId: "c", authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: "u", PASSWORD: "p" }, clientMetadata: {} });
    });

    it("writes success arms with Cognito member names, enum names and epoch-second timestamps", () => {
      const user = { username: "u", attributes: [{ name: "email", value: "u@example.com" }], userCreateDate: new Date(1_700_000_000_500), userLastModifiedDate: undefined, enabled: true, userStatus: UserStatus.USER_STATUS_CONFIRMED };
      expect(generic.get("AdminGetUser")!.success.success!(user as never, translation)).to.deep.equal({
        Username: "u", Attributes: [{ Name: "email", Value: "u@example.com" }], UserCreateDate: 1_700_000_000.5, Enabled: true, UserStatus: "CONFIRMED",
      });
    });

    it("answers a member of the wrong type with SerializationException", async () => {
      const error = await Promise.resolve().then(() => generic.get("AdminGetUser")!.request(new Members({ UserPoolId: 42 }), translation)).catch((e: unknown) => e);
      expect(error).to.be.instanceOf(AwsError);
      expect((error as AwsError).type).to.equal("SerializationException");
    });
  });
});
