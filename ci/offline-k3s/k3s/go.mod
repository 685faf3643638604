module grade/ci/offline-k3s/k3s

go 1.24
