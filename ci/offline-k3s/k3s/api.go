package main

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"
)

// apiClient is the few API calls the supervisor makes, as system:admin.
type apiClient struct {
	base string
	hc   *http.Client
}

func newAPIClient(base string, caPEM []byte, c *issued) (*apiClient, error) {
	return newAPIClientServerName(base, caPEM, c, "")
}

func newAPIClientServerName(base string, caPEM []byte, c *issued, serverName string) (*apiClient, error) {
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(caPEM) {
		return nil, fmt.Errorf("bad CA PEM")
	}
	pair, err := tls.X509KeyPair(c.certPEM, c.keyPEM)
	if err != nil {
		return nil, err
	}
	tr := &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, Certificates: []tls.Certificate{pair}, ServerName: serverName}}
	return &apiClient{base: base, hc: &http.Client{Transport: tr, Timeout: 5 * time.Second}}, nil
}

func (a *apiClient) do(method, path string, body any, contentType string) (int, []byte, error) {
	var r io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return 0, nil, err
		}
		r = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, a.base+path, r)
	if err != nil {
		return 0, nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := a.hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, b, nil
}

func (a *apiClient) ok(path string) error {
	code, b, err := a.do("GET", path, nil, "")
	if err != nil {
		return err
	}
	if code != 200 {
		return fmt.Errorf("GET %s: %d %s", path, code, truncate(b))
	}
	return nil
}

// ensure creates an object, accepting that it already exists.
func (a *apiClient) ensure(collection string, obj any) error {
	code, b, err := a.do("POST", collection, obj, "application/json")
	if err != nil {
		return err
	}
	if code == 201 || code == 200 || code == 409 {
		return nil
	}
	return fmt.Errorf("POST %s: %d %s", collection, code, truncate(b))
}

// nodeReady checks the node's Ready condition, and that the kubelet posted it after
// since (a restarted container finds its node still Ready from before).
func (a *apiClient) nodeReady(name string, since time.Time) error {
	code, b, err := a.do("GET", "/api/v1/nodes/"+name, nil, "")
	if err != nil {
		return err
	}
	if code != 200 {
		return fmt.Errorf("node %s: %d %s", name, code, truncate(b))
	}
	var n struct {
		Status struct {
			Conditions []struct {
				Type, Status, Reason, Message string
				LastHeartbeatTime             time.Time
			}
		}
	}
	if err := json.Unmarshal(b, &n); err != nil {
		return err
	}
	for _, c := range n.Status.Conditions {
		if c.Type == "Ready" {
			if c.Status == "True" {
				if c.LastHeartbeatTime.Before(since.Truncate(time.Second)) {
					return fmt.Errorf("node %s: Ready condition is from before this start", name)
				}
				return nil
			}
			return fmt.Errorf("node %s not Ready: %s %s", name, c.Reason, c.Message)
		}
	}
	return fmt.Errorf("node %s has no Ready condition yet", name)
}

// nodeInfo is what the supervisor's controllers read of a Node.
type nodeInfo struct {
	name        string
	labels      map[string]string
	podCIDR     string
	internalIPs []string
	externalIPs []string
	ready       bool // condition Ready is True
}

type nodeJSON struct {
	Metadata struct {
		Name   string
		Labels map[string]string
	}
	Spec   struct{ PodCIDR string }
	Status struct {
		Addresses  []struct{ Type, Address string }
		Conditions []struct{ Type, Status string }
	}
}

func (n nodeJSON) info() nodeInfo {
	out := nodeInfo{name: n.Metadata.Name, labels: n.Metadata.Labels, podCIDR: n.Spec.PodCIDR}
	for _, a := range n.Status.Addresses {
		switch a.Type {
		case "InternalIP":
			out.internalIPs = append(out.internalIPs, a.Address)
		case "ExternalIP":
			out.externalIPs = append(out.externalIPs, a.Address)
		}
	}
	for _, c := range n.Status.Conditions {
		if c.Type == "Ready" {
			out.ready = c.Status == "True"
		}
	}
	return out
}

func (a *apiClient) listNodes() ([]nodeInfo, error) {
	var list struct{ Items []nodeJSON }
	if err := a.getJSON("/api/v1/nodes", &list); err != nil {
		return nil, err
	}
	out := make([]nodeInfo, 0, len(list.Items))
	for _, n := range list.Items {
		out = append(out, n.info())
	}
	return out, nil
}

// getJSON GETs path and decodes a 200 answer into v.
func (a *apiClient) getJSON(path string, v any) error {
	code, b, err := a.do("GET", path, nil, "")
	if err != nil {
		return err
	}
	if code != 200 {
		return fmt.Errorf("GET %s: %d %s", path, code, truncate(b))
	}
	return json.Unmarshal(b, v)
}

// patch sends a JSON merge patch.
func (a *apiClient) patch(path string, patch any) error {
	code, b, err := a.do("PATCH", path, patch, "application/merge-patch+json")
	if err != nil {
		return err
	}
	if code != 200 {
		return fmt.Errorf("PATCH %s: %d %s", path, code, truncate(b))
	}
	return nil
}

func (a *apiClient) labelNode(name string, labels map[string]string) error {
	return a.patch("/api/v1/nodes/"+name, map[string]any{"metadata": map[string]any{"labels": labels}})
}

func httpGetOK(url string) error {
	c := http.Client{Timeout: 2 * time.Second}
	resp, err := c.Get(url)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		return fmt.Errorf("GET %s: %d", url, resp.StatusCode)
	}
	return nil
}

func truncate(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "..."
	}
	return string(b)
}
