module grade.local/ci/images/bootcamp

go 1.22
