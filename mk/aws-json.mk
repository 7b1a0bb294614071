# The AWS JSON endpoint against real clients (boto3, aws-sdk-go-v2, the AWS CLI). Included by the
# main Makefile; scripts/test-all.sh runs test-aws-json. The JavaScript clients run in `mocha`.
_aws_json_saved_default_goal := $(.DEFAULT_GOAL)

.PHONY: aws-json-tools test-aws-json

## aws-json-tools: the venv with boto3 + awscli (.tools/aws-json-venv) and the Go test modules
aws-json-tools:
	@bash scripts/aws-json/tools.sh

## test-aws-json: boto3, aws-sdk-go-v2 and the AWS CLI walkthrough against a private server
test-aws-json: deps build
	@bash scripts/aws-json/test.sh

.DEFAULT_GOAL := $(_aws_json_saved_default_goal)
