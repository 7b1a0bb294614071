"""Service-to-service auth: verify the pool's tokens (TokenVerifier, AuthInterceptor for grpcio servers)
and get tokens as a caller (TokenSource, token_endpoint_fetcher, call credentials)."""

from identity_client.auth.client_token import ClientTokenError, get_client_token_fetcher
from identity_client.auth.errors import Check, TokenVerificationError
from identity_client.auth.interceptor import PUBLIC, AuthInterceptor, MethodRule, bearer_token, current_claims, status_of
from identity_client.auth.jwks import JwksCache
from identity_client.auth.token_source import FetchedToken, TokenEndpointError, TokenSource, token_endpoint_fetcher
from identity_client.auth.verifier import Requirement, TokenVerifier, VerifiedClaims, authorize

__all__ = [
    "PUBLIC",
    "AuthInterceptor",
    "Check",
    "ClientTokenError",
    "FetchedToken",
    "JwksCache",
    "MethodRule",
    "Requirement",
    "TokenEndpointError",
    "TokenSource",
    "TokenVerificationError",
    "TokenVerifier",
    "VerifiedClaims",
    "authorize",
    "bearer_token",
    "current_claims",
    "get_client_token_fetcher",
    "status_of",
    "token_endpoint_fetcher",
]
