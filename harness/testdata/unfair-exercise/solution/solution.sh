#!/usr/bin/env bash
# Forgets to create the ConfigMap the exercise asks for.
kubectl get configmaps
