/// The sandbox's own certificate and key for `SandboxConfiguration.tls`: self-signed for
/// 127.0.0.1, valid for a hundred years, made for the tests and good for nothing else. A client
/// trusts it only when told to (`ClientConfiguration.extraTrustedCertificatePEM`).
public enum SandboxCertificate {
    public static let certificatePEM = """
-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUQ4UtV857KQeViju034tBh/ayq/UwCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTIwMjE2MTUwMVoYDzIxMjYxMTA4
MTYxNTAxWjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAARI6RN7NMNeVlJGUuNhO4KG2NtF6J4+OkflMAgIP+vFYm7j1YDIyhob
nX/AfXTH1hpNYHy1ai0ZaBhXkB7flkKto2QwYjAdBgNVHQ4EFgQUXfNXZmT0WY2B
iIYtIQv0hiDaQpQwHwYDVR0jBBgwFoAUXfNXZmT0WY2BiIYtIQv0hiDaQpQwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IEbqMbCqKjud0Ig+MkrMQ12UAxEmLoGgWV7Kvn4v1m58AiEAzlBm/RzhcI/tLLN7
ge9BhnVWeZPbxW4I4RwL+oN8/z8=
-----END CERTIFICATE-----
"""

    static let privateKeyPEM = """
-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgP06s5xke6cSioP7K
NC2J2AydXtAIa88j4EcVWKvotU+hRANCAARI6RN7NMNeVlJGUuNhO4KG2NtF6J4+
OkflMAgIP+vFYm7j1YDIyhobnX/AfXTH1hpNYHy1ai0ZaBhXkB7flkKt
-----END PRIVATE KEY-----
"""
}
