package main

import (
	"fmt"
	"os"
)

func runAgent(args []string) int {
	fmt.Fprintln(os.Stderr, "k3s agent: not implemented by this stand-in yet (see README.md)")
	return 1
}
