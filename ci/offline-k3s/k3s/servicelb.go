package main

import (
	"context"
	"fmt"
	"net"
	"sort"
	"strings"
	"time"
)

// ServiceLB, as far as a learner can see it: a Service of type LoadBalancer gets the IPs of
// the nodes that serve it as status.loadBalancer.ingress (EXTERNAL-IP in kubectl get svc),
// and answers at NODE-IP:PORT from the nodes, from pods and from other nodes.
//
// k3s runs a DaemonSet (svclb-NAME-UID, klipper-lb pods with a hostPort per Service port,
// forwarding to the ClusterIP) and lists the nodes whose svclb pod is Ready. Its status
// leaves ipMode unset, i.e. VIP, so kube-proxy programs those node IPs as load-balancer
// IPs on every node and answers NODE-IP:PORT itself. This stand-in keeps that traffic path
// and the status, without the DaemonSet: it lists the Ready nodes. The svclb pods' hostPorts
// are mimicked: a node serves a Service only if no older LoadBalancer Service holds one of
// its ports there, so the second Service on a port stays <pending> as on k3s. What differs:
// no svclb pods in kube-system, other pods' hostPorts are not counted, and the address
// appears within a poll.
//
// Kept from k3s: Services with spec.loadBalancerClass are left to their controller; if any
// node carries the label svccontroller.k3s.cattle.io/enablelb, only nodes labelled "true"
// serve; ExternalIPs are listed instead of InternalIPs when any serving node has one;
// externalTrafficPolicy: Local lists only nodes with a ready endpoint; an event
// UpdatedLoadBalancer records each change.

const (
	lbEnableLabel  = "svccontroller.k3s.cattle.io/enablelb"
	lbPollInterval = 2 * time.Second
	lbEventSource  = "service-lb-controller"
)

type lbService struct {
	namespace, name, uid string
	created              time.Time
	ports                []string // "TCP/8080"
	loadBalancer         bool     // spec.type == LoadBalancer
	class                string
	localTraffic         bool // externalTrafficPolicy: Local
	families             []string
	ingress              []string // status.loadBalancer.ingress[].ip (or hostname)
}

// servingNodes are the nodes whose addresses a LoadBalancer Service gets.
func servingNodes(nodes []nodeInfo) []nodeInfo {
	labelled := false
	for _, n := range nodes {
		if _, ok := n.labels[lbEnableLabel]; ok {
			labelled = true
		}
	}
	var out []nodeInfo
	for _, n := range nodes {
		if !n.ready || (labelled && n.labels[lbEnableLabel] != "true") {
			continue
		}
		out = append(out, n)
	}
	return out
}

// lbIngress is the ingress IP list a Service should have: external IPs when any serving
// node has one, else internal ones; for Local traffic only nodes in readyEndpointNodes;
// sorted, IPv4 before IPv6, only the Service's families.
func lbIngress(svc lbService, serving []nodeInfo, readyEndpointNodes map[string]bool) []string {
	var internal, external []string
	for _, n := range serving {
		if svc.localTraffic && !readyEndpointNodes[n.name] {
			continue
		}
		internal = append(internal, n.internalIPs...)
		external = append(external, n.externalIPs...)
	}
	ips := internal
	if len(external) > 0 {
		ips = external
	}
	var v4, v6 []string
	seen := map[string]bool{}
	for _, s := range ips {
		ip := net.ParseIP(s)
		if ip == nil || seen[s] {
			continue
		}
		seen[s] = true
		if ip.To4() != nil {
			v4 = append(v4, s)
		} else {
			v6 = append(v6, s)
		}
	}
	sort.Strings(v4)
	sort.Strings(v6)
	families := svc.families
	if len(families) == 0 {
		families = []string{"IPv4"}
	}
	var out []string
	for _, f := range families {
		switch f {
		case "IPv4":
			out = append(out, v4...)
		case "IPv6":
			out = append(out, v6...)
		}
	}
	return out
}

// reservePorts decides which of the serving nodes each LoadBalancer Service may use, as the
// hostPorts of k3s's svclb pods do: the oldest Service (then by namespace and name) holding
// a port on a node keeps it; a younger one wanting any of its ports there skips that node.
func reservePorts(services []lbService, serving []nodeInfo) map[string][]nodeInfo {
	order := append([]lbService(nil), services...)
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if !a.created.Equal(b.created) {
			return a.created.Before(b.created)
		}
		return a.namespace+"/"+a.name < b.namespace+"/"+b.name
	})
	taken := map[string]map[string]bool{} // node -> "TCP/8080"
	out := map[string][]nodeInfo{}
	for _, s := range order {
		key := s.namespace + "/" + s.name
		for _, n := range serving {
			free := true
			for _, p := range s.ports {
				if taken[n.name][p] {
					free = false
				}
			}
			if !free {
				continue
			}
			if taken[n.name] == nil {
				taken[n.name] = map[string]bool{}
			}
			for _, p := range s.ports {
				taken[n.name][p] = true
			}
			out[key] = append(out[key], n)
		}
	}
	return out
}

func sameList(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

type serviceLB struct {
	api *apiClient
}

func (c *serviceLB) run(ctx context.Context) {
	for {
		if err := c.sync(); err != nil {
			logf("servicelb: %v", err)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(lbPollInterval):
		}
	}
}

func (c *serviceLB) sync() error {
	services, err := c.listServices()
	if err != nil {
		return err
	}
	var mine []lbService
	anyLocal := false
	for _, s := range services {
		if s.class != "" {
			continue // another load balancer's Service
		}
		if s.loadBalancer || len(s.ingress) > 0 {
			mine = append(mine, s)
			anyLocal = anyLocal || (s.loadBalancer && s.localTraffic)
		}
	}
	if len(mine) == 0 {
		return nil
	}
	nodes, err := c.api.listNodes()
	if err != nil {
		return err
	}
	var lbs []lbService
	for _, s := range mine {
		if s.loadBalancer {
			lbs = append(lbs, s)
		}
	}
	nodesOf := reservePorts(lbs, servingNodes(nodes))
	var endpoints map[string]map[string]bool
	if anyLocal {
		if endpoints, err = c.readyEndpointNodes(); err != nil {
			return err
		}
	}
	for _, s := range mine {
		var want []string
		if s.loadBalancer { // a Service no longer of type LoadBalancer loses its addresses
			key := s.namespace + "/" + s.name
			want = lbIngress(s, nodesOf[key], endpoints[key])
		}
		if sameList(want, s.ingress) {
			continue
		}
		if err := c.setIngress(s, want); err != nil {
			return err
		}
	}
	return nil
}

func (c *serviceLB) listServices() ([]lbService, error) {
	var list struct {
		Items []struct {
			Metadata struct {
				Namespace, Name, UID string
				CreationTimestamp    time.Time
			}
			Spec struct {
				Ports []struct {
					Protocol string
					Port     int
				}
				Type                  string
				LoadBalancerClass     string
				ExternalTrafficPolicy string
				IPFamilies            []string
			}
			Status struct {
				LoadBalancer struct {
					Ingress []struct{ IP, Hostname string }
				}
			}
		}
	}
	if err := c.api.getJSON("/api/v1/services", &list); err != nil {
		return nil, err
	}
	var out []lbService
	for _, it := range list.Items {
		s := lbService{namespace: it.Metadata.Namespace, name: it.Metadata.Name, uid: it.Metadata.UID,
			created: it.Metadata.CreationTimestamp, loadBalancer: it.Spec.Type == "LoadBalancer",
			class: it.Spec.LoadBalancerClass, localTraffic: it.Spec.ExternalTrafficPolicy == "Local",
			families: it.Spec.IPFamilies}
		for _, p := range it.Spec.Ports {
			s.ports = append(s.ports, fmt.Sprintf("%s/%d", p.Protocol, p.Port))
		}
		for _, in := range it.Status.LoadBalancer.Ingress {
			if in.IP != "" {
				s.ingress = append(s.ingress, in.IP)
			} else {
				s.ingress = append(s.ingress, in.Hostname)
			}
		}
		out = append(out, s)
	}
	return out, nil
}

// readyEndpointNodes maps "namespace/service" to the nodes running one of its ready pods.
func (c *serviceLB) readyEndpointNodes() (map[string]map[string]bool, error) {
	var list struct {
		Items []struct {
			Metadata struct {
				Namespace string
				Labels    map[string]string
			}
			Endpoints []struct {
				NodeName   string
				TargetRef  *struct{ Kind string }
				Conditions struct{ Ready *bool }
			}
		}
	}
	if err := c.api.getJSON("/apis/discovery.k8s.io/v1/endpointslices", &list); err != nil {
		return nil, err
	}
	out := map[string]map[string]bool{}
	for _, es := range list.Items {
		svc := es.Metadata.Labels["kubernetes.io/service-name"]
		if svc == "" {
			continue
		}
		key := es.Metadata.Namespace + "/" + svc
		for _, ep := range es.Endpoints {
			if ep.TargetRef != nil && ep.TargetRef.Kind == "Pod" && ep.Conditions.Ready != nil && *ep.Conditions.Ready && ep.NodeName != "" {
				if out[key] == nil {
					out[key] = map[string]bool{}
				}
				out[key][ep.NodeName] = true
			}
		}
	}
	return out, nil
}

func (c *serviceLB) setIngress(s lbService, ips []string) error {
	var ingress any // null removes the list
	if len(ips) > 0 {
		list := make([]map[string]string, 0, len(ips))
		for _, ip := range ips {
			list = append(list, map[string]string{"ip": ip})
		}
		ingress = list
	}
	path := fmt.Sprintf("/api/v1/namespaces/%s/services/%s/status", s.namespace, s.name)
	err := c.api.patch(path, map[string]any{"status": map[string]any{"loadBalancer": map[string]any{"ingress": ingress}}})
	if err != nil {
		return err
	}
	old := "[" + strings.Join(s.ingress, " ") + "]"
	logf("servicelb: %s/%s ingress %s -> %v", s.namespace, s.name, old, ips)
	if len(ips) == 0 && s.loadBalancer {
		c.event(s, "Warning", "UnAvailableLoadBalancer", "There are no available nodes for LoadBalancer")
	} else if s.loadBalancer {
		c.event(s, "Normal", "UpdatedLoadBalancer", fmt.Sprintf("Updated LoadBalancer with new IPs: %s -> %v", old, ips))
	}
	return nil
}

// event records a core/v1 Event on the Service (kubectl describe shows it); best effort.
func (c *serviceLB) event(s lbService, typ, reason, message string) {
	now := time.Now().UTC().Format(time.RFC3339)
	ev := map[string]any{
		"apiVersion": "v1", "kind": "Event",
		"metadata": map[string]any{"generateName": s.name + ".", "namespace": s.namespace},
		"involvedObject": map[string]any{"apiVersion": "v1", "kind": "Service",
			"namespace": s.namespace, "name": s.name, "uid": s.uid},
		"type": typ, "reason": reason, "message": message,
		"source":         map[string]any{"component": lbEventSource},
		"firstTimestamp": now, "lastTimestamp": now, "count": 1,
	}
	if err := c.api.ensure("/api/v1/namespaces/"+s.namespace+"/events", ev); err != nil {
		logf("servicelb: event %s on %s/%s: %v", reason, s.namespace, s.name, err)
	}
}
