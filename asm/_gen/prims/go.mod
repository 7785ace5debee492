module github.com/numkit/numkit/asm/_gen/prims

go 1.26
