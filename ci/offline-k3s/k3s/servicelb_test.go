package main

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestServingNodesAreTheReadyOnesOrTheEnabledOnes(t *testing.T) {
	nodes := []nodeInfo{
		{name: "a", ready: true},
		{name: "b", ready: false},
		{name: "c", ready: true},
	}
	if got := names(servingNodes(nodes)); !reflect.DeepEqual(got, []string{"a", "c"}) {
		t.Errorf("serving = %v, want the Ready nodes a, c", got)
	}
	nodes[0].labels = map[string]string{lbEnableLabel: "true"}
	nodes[2].labels = map[string]string{lbEnableLabel: "false"}
	if got := names(servingNodes(nodes)); !reflect.DeepEqual(got, []string{"a"}) {
		t.Errorf("with the enablelb label on some node, serving = %v, want a only", got)
	}
}

func names(ns []nodeInfo) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.name)
	}
	return out
}

func TestIngressIPs(t *testing.T) {
	serving := []nodeInfo{
		{name: "srv", internalIPs: []string{"172.18.0.2"}},
		{name: "agt", internalIPs: []string{"172.18.0.10"}},
	}
	svc := lbService{families: []string{"IPv4"}}
	if got := lbIngress(svc, serving, nil); !reflect.DeepEqual(got, []string{"172.18.0.10", "172.18.0.2"}) {
		t.Errorf("ingress = %v, want both node IPs sorted", got)
	}
	local := svc
	local.localTraffic = true
	if got := lbIngress(local, serving, map[string]bool{"agt": true}); !reflect.DeepEqual(got, []string{"172.18.0.10"}) {
		t.Errorf("Local traffic: ingress = %v, want only the node with a ready endpoint", got)
	}
	if got := lbIngress(local, serving, nil); len(got) != 0 {
		t.Errorf("Local traffic without endpoints: ingress = %v, want none", got)
	}
	serving[1].externalIPs = []string{"203.0.113.7"}
	if got := lbIngress(svc, serving, nil); !reflect.DeepEqual(got, []string{"203.0.113.7"}) {
		t.Errorf("with an ExternalIP: ingress = %v, want the external IPs only", got)
	}
}

func TestAPortIsHeldByTheOldestLoadBalancerService(t *testing.T) {
	serving := []nodeInfo{{name: "srv"}, {name: "agt"}}
	t0 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	services := []lbService{
		{namespace: "default", name: "second", created: t0.Add(time.Minute), ports: []string{"TCP/8080"}},
		{namespace: "default", name: "first", created: t0, ports: []string{"TCP/8080", "TCP/9090"}},
		{namespace: "default", name: "udp", created: t0.Add(2 * time.Minute), ports: []string{"UDP/8080"}},
	}
	got := reservePorts(services, serving)
	if n := names(got["default/first"]); !reflect.DeepEqual(n, []string{"srv", "agt"}) {
		t.Errorf("first: nodes %v, want both", n)
	}
	if n := got["default/second"]; len(n) != 0 {
		t.Errorf("second: nodes %v, want none (port 8080 is taken, as an svclb hostPort would be)", names(n))
	}
	if n := names(got["default/udp"]); !reflect.DeepEqual(n, []string{"srv", "agt"}) {
		t.Errorf("udp: nodes %v, want both (UDP 8080 is another port)", n)
	}
}

// fakeAPI serves the few paths the ServiceLB controller uses and records what it writes.
type fakeAPI struct {
	mu       sync.Mutex
	services string
	nodes    string
	patches  map[string]string
	events   []string
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	body, _ := io.ReadAll(r.Body)
	switch {
	case r.Method == "GET" && r.URL.Path == "/api/v1/services":
		io.WriteString(w, f.services)
	case r.Method == "GET" && r.URL.Path == "/api/v1/nodes":
		io.WriteString(w, f.nodes)
	case r.Method == "PATCH" && strings.HasSuffix(r.URL.Path, "/status"):
		f.patches[r.URL.Path] = string(body)
		io.WriteString(w, "{}")
	case r.Method == "POST" && strings.HasSuffix(r.URL.Path, "/events"):
		var ev struct{ Reason, Message string }
		_ = json.Unmarshal(body, &ev)
		f.events = append(f.events, ev.Reason+": "+ev.Message)
		w.WriteHeader(201)
	default:
		http.Error(w, "unexpected "+r.Method+" "+r.URL.Path, 404)
	}
}

func TestServiceLBSetsAndClearsStatus(t *testing.T) {
	api := &fakeAPI{patches: map[string]string{},
		nodes: `{"items":[{"metadata":{"name":"srv"},"status":{"addresses":[{"type":"InternalIP","address":"172.18.0.2"}],"conditions":[{"type":"Ready","status":"True"}]}}]}`,
		services: `{"items":[
		  {"metadata":{"namespace":"default","name":"web","uid":"u1"},"spec":{"type":"LoadBalancer","ipFamilies":["IPv4"]}},
		  {"metadata":{"namespace":"default","name":"done","uid":"u2"},"spec":{"type":"LoadBalancer","ipFamilies":["IPv4"]},"status":{"loadBalancer":{"ingress":[{"ip":"172.18.0.2"}]}}},
		  {"metadata":{"namespace":"default","name":"was-lb","uid":"u3"},"spec":{"type":"ClusterIP"},"status":{"loadBalancer":{"ingress":[{"ip":"172.18.0.2"}]}}},
		  {"metadata":{"namespace":"default","name":"metallb","uid":"u4"},"spec":{"type":"LoadBalancer","loadBalancerClass":"example.com/lb"}},
		  {"metadata":{"namespace":"default","name":"plain","uid":"u5"},"spec":{"type":"ClusterIP"}}]}`}
	srv := httptest.NewServer(api)
	defer srv.Close()
	c := &serviceLB{api: &apiClient{base: srv.URL, hc: srv.Client()}}
	if err := c.sync(); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"/api/v1/namespaces/default/services/web/status":    `{"status":{"loadBalancer":{"ingress":[{"ip":"172.18.0.2"}]}}}`,
		"/api/v1/namespaces/default/services/was-lb/status": `{"status":{"loadBalancer":{"ingress":null}}}`,
	}
	if !reflect.DeepEqual(api.patches, want) {
		t.Errorf("status patches = %v, want %v", api.patches, want)
	}
	if len(api.events) != 1 || !strings.HasPrefix(api.events[0], "UpdatedLoadBalancer: Updated LoadBalancer with new IPs: [] -> [172.18.0.2]") {
		t.Errorf("events = %q, want one UpdatedLoadBalancer for web", api.events)
	}
}
