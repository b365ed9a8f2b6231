.PHONY: run test
run:
	scripts/office.sh run

test:
	scripts/office.sh test
