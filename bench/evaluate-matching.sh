#!/usr/bin/env bash
# Measures the matching engine on real IATI activities (data/iati-activities, see SOURCES.md there):
# nDCG@10 and precision@5 against plain BM25, and the classifier's top-3 accuracy by DAC category.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet run -c Release --project bench/MatchingEvaluation -- data/iati-activities
