from identity_client import secret_hash


def test_secret_hash_vector_1():
    # docs/cognito.md §4.5, vector 1 (from alexrudd/cognito-srp)
    assert secret_hash("test", "123abd", "clientSecret") == "LoIX/oPJWZzFYv8liJYRo+CHv16FNDY10JlZEDjL3Vg="
