import { createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { DescService } from "@bufbuild/protobuf";
import { expect } from "chai";
import { COGNITO_EXCEPTIONS, exceptionOf } from "../../../src/aws-json/errors.js";
import { OPERATIONS } from "../../../src/aws-json/operations.js";
import { descriptorSet } from "../../../src/gen/descriptors.js";

const registry = createFileRegistry(fromBinary(FileDescriptorSetSchema, descriptorSet));
const services = ["identity.v1.AuthService", "identity.v1.AdminService"].map((name) => registry.getService(name)!) as DescService[];

describe("aws-json operation table", () => {
  it("maps every error arm of every response onto a Cognito exception name", () => {
    const unknown: string[] = [];
    for (const service of services) {
      for (const method of service.methods) {
        for (const field of method.output.fields) {
          if (field.message?.file.name !== "identity/v1/errors.proto") continue;
          if (!COGNITO_EXCEPTIONS.has(exceptionOf(field.localName))) unknown.push(`${method.name}.${field.name}`);
        }
      }
    }
    expect(unknown).to.deep.equal([]);
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
        const errorArms = method.output.fields.filter((f) => f.message?.file.name === "identity/v1/errors.proto").map((f) => f.localName);
        if (!OPERATIONS[method.name]) continue;
        const successArms = Object.keys(OPERATIONS[method.name]!.success);
        expect(successArms.filter((a) => errorArms.includes(a)), method.name).to.deep.equal([]);
        expect(successArms.length, method.name).to.be.greaterThan(0);
      }
    }
  });
});
