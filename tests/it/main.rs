//! Integration tests: build fixture playbooks and run the CLI.
