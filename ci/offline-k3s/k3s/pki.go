package main

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"errors"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// certAuthority is a CA key pair on disk.
type certAuthority struct {
	cert *x509.Certificate
	key  crypto.Signer
	// certPEM is the CA certificate as written to disk.
	certPEM []byte
}

func newKey() (*ecdsa.PrivateKey, error) { return ecdsa.GenerateKey(elliptic.P256(), rand.Reader) }

func serial() *big.Int {
	n, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 126))
	return n
}

func writePEM(path, typ string, der []byte, mode os.FileMode) ([]byte, error) {
	b := pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der})
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, err
	}
	return b, os.WriteFile(path, b, mode)
}

func writeKey(path string, key crypto.Signer) ([]byte, error) {
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	return writePEM(path, "PRIVATE KEY", der, 0o600)
}

func readKey(path string) (crypto.Signer, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	blk, _ := pem.Decode(b)
	if blk == nil {
		return nil, fmt.Errorf("%s: no PEM data", path)
	}
	k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
	if err != nil {
		return nil, err
	}
	s, ok := k.(crypto.Signer)
	if !ok {
		return nil, fmt.Errorf("%s: not a signing key", path)
	}
	return s, nil
}

// loadOrCreateCA keeps an existing CA (a restarted container keeps its cluster), or makes one.
func loadOrCreateCA(dir, name, cn string) (*certAuthority, error) {
	crtPath, keyPath := filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
	if b, err := os.ReadFile(crtPath); err == nil {
		blk, _ := pem.Decode(b)
		if blk != nil {
			if c, err := x509.ParseCertificate(blk.Bytes); err == nil {
				if k, err := readKey(keyPath); err == nil {
					return &certAuthority{cert: c, key: k, certPEM: b}, nil
				}
			}
		}
	}
	key, err := newKey()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial(),
		Subject:               pkix.Name{CommonName: fmt.Sprintf("%s@%d", cn, now.Unix())},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(10, 0, 0),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		return nil, err
	}
	c, _ := x509.ParseCertificate(der)
	if _, err := writeKey(keyPath, key); err != nil {
		return nil, err
	}
	p, err := writePEM(crtPath, "CERTIFICATE", der, 0o644)
	if err != nil {
		return nil, err
	}
	return &certAuthority{cert: c, key: key, certPEM: p}, nil
}

type certSpec struct {
	cn     string
	orgs   []string
	server bool // serverAuth (else clientAuth)
	dns    []string
	ips    []net.IP
}

// issued is a leaf certificate written to disk, with its PEM bytes for kubeconfigs.
type issued struct {
	certPath, keyPath string
	certPEM, keyPEM   []byte
}

func (ca *certAuthority) issue(dir, name string, s certSpec) (*issued, error) {
	key, err := newKey()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber: serial(),
		Subject:      pkix.Name{CommonName: s.cn, Organization: s.orgs},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.AddDate(1, 0, 0),
		KeyUsage:     x509.KeyUsageDigitalSignature | x509.KeyUsageKeyEncipherment,
		DNSNames:     s.dns,
		IPAddresses:  s.ips,
	}
	if s.server {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}
	} else {
		tmpl.ExtKeyUsage = []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, key.Public(), ca.key)
	if err != nil {
		return nil, err
	}
	out := &issued{certPath: filepath.Join(dir, name+".crt"), keyPath: filepath.Join(dir, name+".key")}
	if out.keyPEM, err = writeKey(out.keyPath, key); err != nil {
		return nil, err
	}
	if out.certPEM, err = writePEM(out.certPath, "CERTIFICATE", der, 0o644); err != nil {
		return nil, err
	}
	return out, nil
}

// ensureSAKey makes the service-account signing key pair once.
func ensureSAKey(dir string) (keyPath, pubPath string, err error) {
	keyPath, pubPath = filepath.Join(dir, "service.key"), filepath.Join(dir, "service.pub")
	if _, err := os.Stat(keyPath); err == nil {
		if _, err := os.Stat(pubPath); err == nil {
			return keyPath, pubPath, nil
		}
	}
	key, err := newKey()
	if err != nil {
		return "", "", err
	}
	if _, err := writeKey(keyPath, key); err != nil {
		return "", "", err
	}
	pub, err := x509.MarshalPKIXPublicKey(key.Public())
	if err != nil {
		return "", "", err
	}
	_, err = writePEM(pubPath, "PUBLIC KEY", pub, 0o644)
	return keyPath, pubPath, err
}

// kubeconfig renders a kubeconfig; with embed the credentials are inlined (k3s.yaml style).
func kubeconfig(server string, caPEM []byte, caPath string, c *issued, embed bool) []byte {
	if embed {
		b64 := base64.StdEncoding.EncodeToString
		return []byte(fmt.Sprintf(`apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: %s
    server: %s
  name: default
contexts:
- context:
    cluster: default
    user: default
  name: default
current-context: default
kind: Config
preferences: {}
users:
- name: default
  user:
    client-certificate-data: %s
    client-key-data: %s
`, b64(caPEM), server, b64(c.certPEM), b64(c.keyPEM)))
	}
	return []byte(fmt.Sprintf(`apiVersion: v1
clusters:
- cluster:
    certificate-authority: %s
    server: %s
  name: local
contexts:
- context:
    cluster: local
    user: user
  name: local
current-context: local
kind: Config
users:
- name: user
  user:
    client-certificate: %s
    client-key: %s
`, caPath, server, c.certPath, c.keyPath))
}

func writeFile(path string, data []byte, mode os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, mode); err != nil {
		return err
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

var errNoIP = errors.New("no IPv4 address")

// interfaceIPv4 returns the first IPv4 address of an interface.
func interfaceIPv4(name string) (net.IP, error) {
	ifc, err := net.InterfaceByName(name)
	if err != nil {
		return nil, err
	}
	addrs, err := ifc.Addrs()
	if err != nil {
		return nil, err
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil {
			return n.IP.To4(), nil
		}
	}
	return nil, fmt.Errorf("%s: %w", name, errNoIP)
}

// localIPv4s are the container's own IPv4 addresses (loopback excluded).
func localIPv4s() []net.IP {
	var out []net.IP
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
			out = append(out, n.IP.To4())
		}
	}
	return out
}

// defaultGateway reads the IPv4 default route's gateway from /proc/net/route. Seen from
// another container on the same Docker network, the host (and its published ports) is
// at that address; testcontainers running inside a container connects there.
func defaultGateway() net.IP {
	b, err := os.ReadFile("/proc/net/route")
	if err != nil {
		return nil
	}
	for _, line := range strings.Split(string(b), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) < 3 || f[1] != "00000000" {
			continue
		}
		v, err := strconv.ParseUint(f[2], 16, 32)
		if err != nil || v == 0 {
			continue
		}
		return net.IPv4(byte(v), byte(v>>8), byte(v>>16), byte(v>>24)).To4()
	}
	return nil
}
