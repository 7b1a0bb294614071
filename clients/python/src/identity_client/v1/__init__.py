"""Generated from proto/identity/v1 by scripts/sdk/generate.sh. DO NOT EDIT."""
