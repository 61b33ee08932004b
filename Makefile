# The two commands a new machine needs: `make demo` and `make test`.
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
DEMO_STORE ?= .consistency/demo
DEMO_OUT ?= out/demo

.PHONY: demo test install

install:
	bash scripts/setup.sh

demo: install
	rm -rf $(DEMO_STORE) $(DEMO_OUT)
	consistency run corpora/sample/articles.jsonl corpora/sample/more --store $(DEMO_STORE) --out $(DEMO_OUT) --quiet
	consistency check --store $(DEMO_STORE) --format table
	@echo "Report: $(DEMO_OUT)/report.html"

test:
	bash scripts/setup.sh --browser
	python3 -m pytest -q -p no:cacheprovider
