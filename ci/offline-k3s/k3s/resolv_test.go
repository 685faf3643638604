package main

import (
	"context"
	"encoding/binary"
	"io"
	"net"
	"testing"
	"time"
)

func TestPodDNSPlan(t *testing.T) {
	cases := []struct {
		name, conf string
		useHost    bool
		relayTo    string
	}{
		{"default bridge: the host's resolver", "nameserver 10.255.255.53\n", true, ""},
		{"user network: Docker's embedded DNS", "nameserver 127.0.0.11\noptions ndots:0\n", false, "127.0.0.11:53"},
		{"a reachable one wins over loopback", "nameserver 127.0.0.53\nnameserver 192.168.1.1\n", true, ""},
		{"nothing at all", "search example.test\n", true, ""},
	}
	for _, c := range cases {
		useHost, relayTo := podDNSPlan(c.conf)
		if useHost != c.useHost || relayTo != c.relayTo {
			t.Errorf("%s: got (%v, %q), want (%v, %q)", c.name, useHost, relayTo, c.useHost, c.relayTo)
		}
	}
}

// The relay hands each UDP datagram and TCP stream to the upstream and its answer back.
func TestDNSRelayForwardsUDPAndTCP(t *testing.T) {
	upUDP, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer upUDP.Close()
	upAddr := upUDP.LocalAddr().String()
	upTCP, err := net.Listen("tcp", upAddr) // same port, TCP
	if err != nil {
		t.Skipf("port %s taken for TCP: %v", upAddr, err)
	}
	defer upTCP.Close()
	go func() { // upstream: answers "re:" + query
		buf := make([]byte, 512)
		for {
			n, from, err := upUDP.ReadFrom(buf)
			if err != nil {
				return
			}
			upUDP.WriteTo(append([]byte("re:"), buf[:n]...), from)
		}
	}()
	go func() {
		for {
			c, err := upTCP.Accept()
			if err != nil {
				return
			}
			var l uint16
			binary.Read(c, binary.BigEndian, &l)
			q := make([]byte, l)
			io.ReadFull(c, q)
			a := append([]byte("re:"), q...)
			binary.Write(c, binary.BigEndian, uint16(len(a)))
			c.Write(a)
			c.Close()
		}
	}()

	relay := &dnsRelay{upstream: upAddr, timeout: 2 * time.Second}
	if err := relay.listen("127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	relayAddr := relay.udp.LocalAddr().String()
	if relay.tcp.Addr().String() != relayAddr {
		relay.tcp.Close()
		if relay.tcp, err = net.Listen("tcp", relayAddr); err != nil {
			t.Skipf("port %s taken for TCP: %v", relayAddr, err)
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { relay.serve(ctx); close(done) }()

	c, err := net.Dial("udp", relayAddr)
	if err != nil {
		t.Fatal(err)
	}
	c.SetDeadline(time.Now().Add(3 * time.Second))
	c.Write([]byte("udp-query"))
	buf := make([]byte, 512)
	n, err := c.Read(buf)
	if err != nil || string(buf[:n]) != "re:udp-query" {
		t.Errorf("UDP through the relay: %q, %v", buf[:n], err)
	}
	c.Close()

	tc, err := net.Dial("tcp", relayAddr)
	if err != nil {
		t.Fatal(err)
	}
	tc.SetDeadline(time.Now().Add(3 * time.Second))
	binary.Write(tc, binary.BigEndian, uint16(len("tcp-query")))
	tc.Write([]byte("tcp-query"))
	var l uint16
	binary.Read(tc, binary.BigEndian, &l)
	a := make([]byte, l)
	_, err = io.ReadFull(tc, a)
	if err != nil || string(a) != "re:tcp-query" {
		t.Errorf("TCP through the relay: %q, %v", a, err)
	}
	tc.Close()

	cancel()
	select {
	case <-done:
	case <-time.After(3 * time.Second):
		t.Fatal("relay did not stop when its context ended")
	}
}
