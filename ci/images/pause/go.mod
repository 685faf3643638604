module grade.local/ci/images/pause

go 1.22
