using CooperaNet.Cli;

// A terminal is not a password source: only piped input counts, so a password is never typed in plain sight.
var stdin = Console.IsInputRedirected ? Console.In : TextReader.Null;
return await CliApp.RunAsync(args, stdin, Console.Out, Console.Error);
