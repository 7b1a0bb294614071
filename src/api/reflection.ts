import { fromBinary, toBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import type { PackageDefinition } from "@grpc/proto-loader";

/**
 * Reflection over buf's descriptors verbatim. proto-loader's own loading re-synthesises descriptors
 * and drops their imports, which breaks method lookups in grpcurl (ecosystem notes §2.1).
 */
export function reflectionPackage(descriptorSet: Uint8Array): PackageDefinition {
  const set = fromBinary(FileDescriptorSetSchema, descriptorSet);
  const fileDescriptorProtos = set.file.map((f) => Buffer.from(toBinary(FileDescriptorProtoSchema, f)));
  return { "": { format: "Protocol Buffer 3 FileDescriptorProto", fileDescriptorProtos } } as unknown as PackageDefinition;
}
