"""``wordlab completion bash|zsh``: a shell completion script, generated from the parser.

The script is written from ``cli.main.build_parser()`` each time, so a new subcommand or flag
completes without anyone editing a script by hand, and nothing is installed: no
``argcomplete`` (which would run Python, with its imports, on every Tab press).  The
script knows, for each command path (``wordlab``, ``wordlab train``, ``wordlab corpora
stats``, ...), its subcommands, its options, which options take a value, and the values
they take: argparse ``choices``, the built-in corpora for ``--corpus``, the shipped
evaluation sets for ``--analogies``/``--pairs``; other values complete as file names.
"""

from __future__ import annotations

import argparse
import re
import shlex
from dataclasses import dataclass, field

SHELLS = ("bash", "zsh")

INSTALL = ("Install (once):\n"
           "  bash: wordlab completion bash > ~/.local/share/bash-completion/completions/wordlab\n"
           "        (or add  eval \"$(wordlab completion bash)\"  to ~/.bashrc)\n"
           "  zsh:  wordlab completion zsh > ~/.zfunc/_wordlab   with  fpath+=(~/.zfunc)\n"
           "        before  compinit  in ~/.zshrc\n"
           "        (or  source <(wordlab completion zsh)  after compinit)")


def add_parser(sub) -> None:
    p = sub.add_parser(
        "completion", help="print a shell completion script (bash or zsh)",
        description="Print a completion script for SHELL on stdout: the subcommands, their "
                    "options and the values the options take (choices, built-in corpora, "
                    "evaluation sets, file names), generated from wordlab's own argument "
                    "parser.\n\n" + INSTALL,
        epilog="Examples:\n"
               "  wordlab completion bash > ~/.local/share/bash-completion/completions/wordlab\n"
               "  source <(wordlab completion zsh)",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("shell", choices=SHELLS, metavar="SHELL", help="bash or zsh")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from cli.main import build_parser

    commands = walk(build_parser())
    sys.stdout.write(bash_script(commands) if args.shell == "bash" else zsh_script(commands))
    return 0


# ------------------------------------------------------------------- the parser as data
@dataclass
class Option:
    flags: list[str]
    help: str
    takes_value: bool
    values: list[str] | None     # words to offer for the value; None: file names
    numeric: bool = False        # an int/float: nothing to offer
    files_too: bool = False      # a name or a path (--corpus NAME|PATH): the words and files


@dataclass
class Command:
    path: str                                    # "wordlab corpora stats"
    help: str
    options: list[Option] = field(default_factory=list)
    subcommands: dict[str, str] = field(default_factory=dict)   # name -> one-line help
    positional_values: list[str] = field(default_factory=list)  # words a positional takes


#: options whose value is a built-in name or a file
_NAME_OR_PATH = ("corpus", "analogies", "pairs")


def _value_words(action: argparse.Action) -> list[str] | None:
    """The words an option's value (or a positional) can be, or None for file names."""
    if action.choices is not None and not isinstance(action, argparse._SubParsersAction):
        return [str(c) for c in action.choices]
    if action.dest in ("corpus", "targets"):
        from corpora.registry import BUILTINS

        return list(BUILTINS)
    if action.dest in ("analogies", "pairs"):
        from cli.eval_cmd import SHIPPED_SETS

        return list(SHIPPED_SETS)
    if action.dest in ("arch", "loss"):         # checked by the engine, not by argparse
        from engine.names import ARCHS, LOSSES

        return list(ARCHS if action.dest == "arch" else LOSSES)
    return None


def _summary(text: str | None) -> str:
    """One short line of an action's help: placeholders and '(default ...)' removed."""
    text = re.sub(r"%\([a-z_]+\)s", "", text or "").replace("%%", "%")
    text = re.sub(r"\s*\(default[^)]*\)", "", text)
    text = " ".join(text.split())
    return text if len(text) <= 70 else text[:67].rstrip() + "..."


def walk(parser: argparse.ArgumentParser, path: str | None = None, help: str = "") -> list[Command]:
    """Every command path of ``parser``, the root first."""
    command = Command(path or parser.prog.split()[0], help)
    if path is None:                 # wordlab CORPUS: the app on a built-in corpus
        from corpora.registry import BUILTINS

        command.positional_values += list(BUILTINS)
    found = [command]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {a.dest: a.help or "" for a in action._choices_actions}
            for name, subparser in action.choices.items():
                command.subcommands[name] = _summary(helps.get(name, ""))
                found += walk(subparser, f"{command.path} {name}", helps.get(name, ""))
        elif action.option_strings:
            if action.help == argparse.SUPPRESS:
                continue
            takes = action.nargs != 0
            command.options.append(Option(
                list(action.option_strings), _summary(action.help), takes,
                _value_words(action) if takes else None,
                numeric=action.type in (int, float), files_too=action.dest in _NAME_OR_PATH))
        else:
            command.positional_values += _value_words(action) or []
    return found


# ------------------------------------------------------------------------------- bash
def bash_script(commands: list[Command]) -> str:
    q = shlex.quote
    paths = [c.path for c in commands[1:]]
    lines = [
        "# bash completion for wordlab (generated by 'wordlab completion bash')",
        "_wordlab() {",
        '    local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD-1]}"',
        '    local path="wordlab" i',
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        '        case "$path ${COMP_WORDS[i]}" in',
        "            " + "|".join(q(p) for p in paths) + ')',
        '                path="$path ${COMP_WORDS[i]}" ;;',
        "        esac",
        "    done",
        '    local opts="" words=""',
        '    case "$path" in',
    ]
    for c in commands:
        flags = " ".join(f for o in c.options for f in o.flags)
        words = " ".join(list(c.subcommands) + c.positional_values)
        lines.append(f"        {q(c.path)}) opts={q(flags)}; words={q(words)} ;;")
    lines += ["    esac", '    case "$path $prev" in']
    for c in commands:
        for o in c.options:
            if not o.takes_value:
                continue
            pattern = "|".join(q(f"{c.path} {f}") for f in o.flags)
            if o.values is not None:
                files = ' $(compgen -f -- "$cur")' if o.files_too else ""
                reply = (f'COMPREPLY=($(compgen -W {q(" ".join(o.values))} -- "$cur"){files}); '
                         "compopt -o filenames 2>/dev/null; return 0")
            elif o.numeric:
                reply = "COMPREPLY=(); return 0"
            else:
                reply = 'COMPREPLY=($(compgen -f -- "$cur")); compopt -o filenames 2>/dev/null; return 0'
            lines.append(f"        {pattern}) {reply} ;;")
    lines += [
        "    esac",
        '    if [[ "$cur" == -* ]]; then',
        '        COMPREPLY=($(compgen -W "$opts" -- "$cur"))',
        "    else",
        '        COMPREPLY=($(compgen -W "$words" -- "$cur") $(compgen -f -- "$cur"))',
        "        compopt -o filenames 2>/dev/null",
        "    fi",
        "    return 0",
        "}",
        "complete -F _wordlab wordlab",
        "",
    ]
    return "\n".join(lines)


# -------------------------------------------------------------------------------- zsh
def _zsh_quote(text: str) -> str:
    return "'" + text.replace("'", "'\\''") + "'"


def _zsh_item(name: str, help: str) -> str:
    """An entry for _describe: 'name:description', a colon in the name escaped."""
    return _zsh_quote(name.replace(":", "\\:") + (":" + help if help else ""))


def zsh_script(commands: list[Command]) -> str:
    q = _zsh_quote
    paths = [c.path for c in commands[1:]]
    lines = [
        "#compdef wordlab",
        "# zsh completion for wordlab (generated by 'wordlab completion zsh')",
        "_wordlab() {",
        "    local cmdpath=wordlab cur=${words[CURRENT]} prev=${words[CURRENT-1]} i",
        "    local -a opts items",
        "    for ((i = 2; i < CURRENT; i++)); do",
        '        case "$cmdpath ${words[i]}" in',
        "            (" + "|".join(q(p) for p in paths) + ')',
        '                cmdpath="$cmdpath ${words[i]}" ;;',
        "        esac",
        "    done",
        '    case "$cmdpath $prev" in',
    ]
    for c in commands:
        for o in c.options:
            if not o.takes_value:
                continue
            pattern = "|".join(q(f"{c.path} {f}") for f in o.flags)
            if o.values is not None:
                files = "; _files" if o.files_too else ""
                reply = f"compadd -- {' '.join(q(v) for v in o.values)}{files}; return"
            elif o.numeric:
                reply = f"_message {q(o.help or 'a number')}; return"
            else:
                reply = "_files; return"
            lines.append(f"        ({pattern}) {reply} ;;")
    lines += ["    esac", '    case "$cmdpath" in']
    for c in commands:
        opts = " ".join(_zsh_item(f, o.help) for o in c.options for f in o.flags)
        items = " ".join([_zsh_item(n, h) for n, h in c.subcommands.items()]
                         + [_zsh_item(v, "") for v in c.positional_values])
        lines.append(f"        ({q(c.path)}) opts=({opts}); items=({items}) ;;")
    lines += [
        "    esac",
        "    if [[ $cur == -* ]]; then",
        "        _describe -t options option opts",
        "    else",
        "        (( ${#items} )) && _describe -t commands 'command or name' items",
        "        _files",
        "    fi",
        "}",
        'if [[ "${funcstack[1]}" == _wordlab ]]; then',
        '    _wordlab "$@"',
        "else",
        "    compdef _wordlab wordlab",
        "fi",
        "",
    ]
    return "\n".join(lines)
