package errcode

// The tables are generated from data/*.tsv; see gen.go.
//go:generate go run gen.go
