"""The register screens (companies, citizens, staff): one screen class driven by a spec each."""
