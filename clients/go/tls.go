package identity

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"os"

	"google.golang.org/grpc/credentials"
)

// TLSCredentials returns transport credentials for a server that serves TLS: the server is verified
// against the PEM CA bundle in caFile (empty: the system roots), and with certFile (PEM chain, leaf
// first) and keyFile the client presents a certificate (mTLS). AdminService accepts a client
// certificate whose identity (SAN URI such as a SPIFFE ID, SAN DNS name, or CN) an adminCredentials
// entry of the server's config names, for the pools that entry lists.
//
//	creds, err := identity.TLSCredentials("ca.pem", "client.pem", "client.key")
//	conn, err := grpc.NewClient("identity.internal:50051", grpc.WithTransportCredentials(creds))
func TLSCredentials(caFile, certFile, keyFile string) (credentials.TransportCredentials, error) {
	config := &tls.Config{MinVersion: tls.VersionTLS12}
	if caFile != "" {
		pem, err := os.ReadFile(caFile)
		if err != nil {
			return nil, fmt.Errorf("reading the CA bundle: %w", err)
		}
		pool := x509.NewCertPool()
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("%s holds no PEM certificate", caFile)
		}
		config.RootCAs = pool
	}
	if (certFile == "") != (keyFile == "") {
		return nil, errors.New("certFile and keyFile go together")
	}
	if certFile != "" {
		pair, err := tls.LoadX509KeyPair(certFile, keyFile)
		if err != nil {
			return nil, fmt.Errorf("loading the client certificate: %w", err)
		}
		config.Certificates = []tls.Certificate{pair}
	}
	return credentials.NewTLS(config), nil
}
