module tongzhou/bench/netwire

go 1.26
