module github.com/dlrkit/dlrkit

go 1.24.0

require (
	github.com/google/go-cmp v0.7.0
	github.com/linxGnu/gosmpp v0.3.1
	github.com/stretchr/testify v1.12.1
	golang.org/x/text v0.22.0
)

require (
	github.com/orcaman/concurrent-map/v2 v2.0.1 // indirect
	go.yaml.in/yaml/v3 v3.0.5 // indirect
	golang.org/x/exp v0.0.0-20240604190554-fc45aab8b7f8 // indirect
)
